import { StaffLoginAttemptsRow } from '../../server/src/staff/login-attempts.entity';
import { MAX_ATTEMPTS_PER_ADDRESS, MAX_ATTEMPTS_PER_USERNAME } from '../../server/src/staff/login-throttle.service';
import { API, bearer, expectApiError, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/**
 * The staff login throttle under parallel load: every attempt is counted before its password is checked, so
 * 300 guesses fired at once get at most 5 password checks per address; other addresses still get in.
 */
describe(`staff login throttle under parallel attempts (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  beforeAll(async () => {
    t = await startTestApp();
    owner = await staffToken(t, 'owner');
  });
  afterAll(() => t.close());

  /** A login from the given client address (Fastify's inject sets the TCP peer; no proxy headers are believed). */
  const login = (username: string, password: string, remoteAddress: string) =>
    t.app.getHttpAdapter().getInstance().inject({ method: 'POST', url: `${API}/admin/auth/login`, payload: { username, password }, remoteAddress });

  const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((count, status) => ({ ...count, [status]: (count[status] ?? 0) + 1 }), {});
  const attemptsOf = async (throttleKey: string) => (await t.dataSource.getRepository(StaffLoginAttemptsRow).findOneBy({ throttleKey }))?.attempts;

  it('checks at most 5 passwords of 300 parallel wrong logins from one address; the rest get 429 with Retry-After', async () => {
    const answers = await Promise.all(Array.from({ length: 300 }, () => login('owner', 'wrong-password', '203.0.113.7')));
    // A 401 is a password that was checked; a 429 was refused before any check.
    expect(tally(answers.map((answer) => answer.statusCode))).toEqual({ 401: MAX_ATTEMPTS_PER_ADDRESS, 429: 300 - MAX_ATTEMPTS_PER_ADDRESS });
    const refused = answers.find((answer) => answer.statusCode === 429)!;
    expectApiError(refused.json(), 'TOO_MANY_ATTEMPTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // Refused attempts are not counted: the username has used 5 of its 50.
    expect(await attemptsOf('addr:203.0.113.7:owner')).toBe(MAX_ATTEMPTS_PER_ADDRESS);
    expect(await attemptsOf('user:owner')).toBe(MAX_ATTEMPTS_PER_ADDRESS);
    // The right password from that address is refused too, without a check.
    expect((await login('owner', 'demo1234', '203.0.113.7')).statusCode).toBe(429);
  }, 60_000);

  it('does not believe X-Forwarded-For without TRUST_PROXY: a locked address cannot claim to be another', async () => {
    const spoofed = await t.app.getHttpAdapter().getInstance().inject({
      method: 'POST',
      url: `${API}/admin/auth/login`,
      payload: { username: 'owner', password: 'demo1234' },
      remoteAddress: '203.0.113.7',
      headers: { 'x-forwarded-for': '198.51.100.77' },
    });
    expect(spoofed.statusCode).toBe(429);
  });

  it('lets the owner log in from another address while a stranger is locked out', async () => {
    const response = await login('owner', 'demo1234', '198.51.100.20');
    expect(response.statusCode).toBe(200);
    // The success gives its attempt back to the username and clears its own address.
    expect(await attemptsOf('user:owner')).toBe(MAX_ATTEMPTS_PER_ADDRESS);
    expect(await attemptsOf('addr:198.51.100.20:owner')).toBe(0);
    // Requests through supertest (127.0.0.1) are another address too.
    await staffToken(t, 'owner');
  });

  it('holds the per-username limit across addresses: at most 50 checks from 60 addresses × 10 parallel guesses', async () => {
    const created = await t.api().post(`${API}/admin/staff`).set(bearer(owner))
      .send({ username: 'spread_target', displayName: '多地址被猜', password: 'right-password', role: 'operator' });
    expect(created.status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 600 }, (_, i) => login('spread_target', 'wrong', `10.9.${Math.floor(i / 10)}.${i % 10}`)),
    );
    const counts = tally(answers.map((answer) => answer.statusCode));
    expect(counts[401]).toBe(MAX_ATTEMPTS_PER_USERNAME);
    expect(counts[429]).toBe(600 - MAX_ATTEMPTS_PER_USERNAME);
    expect(await attemptsOf('user:spread_target')).toBe(MAX_ATTEMPTS_PER_USERNAME);
    // Now even a fresh address waits for the window to end.
    const fresh = await login('spread_target', 'right-password', '192.0.2.99');
    expect(fresh.statusCode).toBe(429);
    expect(Number(fresh.headers['retry-after'])).toBeGreaterThan(0);
  }, 90_000);

  it('starts a window that ended afresh', async () => {
    const repo = t.dataSource.getRepository(StaffLoginAttemptsRow);
    const long_ago = new Date(Date.now() - 16 * 60_000);
    await repo.update({ throttleKey: 'addr:203.0.113.7:owner' }, { windowStartedAt: long_ago });
    await repo.update({ throttleKey: 'user:owner' }, { windowStartedAt: long_ago });
    expect((await login('owner', 'demo1234', '203.0.113.7')).statusCode).toBe(200);
    expect(await attemptsOf('addr:203.0.113.7:owner')).toBe(0);
  });

  it('counts usernames case-insensitively', async () => {
    const answers = await Promise.all(['Guess', 'GUESS', 'guess', 'gUess', 'guesS', 'GuEsS', 'guESS'].map((name) => login(name, 'x', '203.0.113.50')));
    expect(tally(answers.map((answer) => answer.statusCode))).toEqual({ 401: 5, 429: 2 });
  });
});
