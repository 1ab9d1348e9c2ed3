import { StaffRow } from '../../server/src/staff/staff.entity';
import { API, bearer, expectApiError, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

describe(`staff accounts and roles (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  beforeAll(async () => {
    t = await startTestApp();
    owner = await staffToken(t, 'owner');
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) =>
    t.api().post(`${API}/admin/auth/login`).send({ username, password });

  it('logs the demo staff in with their roles and stores only scrypt hashes', async () => {
    for (const [username, role] of [['owner', 'owner'], ['operator', 'operator'], ['service', 'customer_service'], ['warehouse', 'warehouse']]) {
      const response = await login(username, 'demo1234').expect(200);
      expect(response.body.staff).toEqual(expect.objectContaining({ username, role, disabled: false }));
      const me = await t.api().get(`${API}/admin/me`).set(bearer(response.body.token)).expect(200);
      expect(me.body.role).toBe(role);
    }
    const stored = await t.dataSource.getRepository(StaffRow).findOneByOrFail({ username: 'owner' });
    expect(stored.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored.passwordHash).not.toContain('demo1234');
  });

  it('answers a wrong password or unknown user with 401 INVALID_CREDENTIALS', async () => {
    expectApiError((await login('owner', 'wrong-password').expect(401)).body, 'INVALID_CREDENTIALS');
    expectApiError((await login('nobody', 'demo1234').expect(401)).body, 'INVALID_CREDENTIALS');
  });

  it('throttles after 5 wrong passwords for a username with 429 and Retry-After, even for the right password', async () => {
    await t.api().post(`${API}/admin/staff`).set(bearer(owner))
      .send({ username: 'guessme', displayName: '被猜的人', password: 'right-password', role: 'operator' }).expect(201);
    // Parallel failures are all counted (conditional updates, no lost increments).
    const failures = await Promise.all(Array.from({ length: 5 }, () => login('guessme', 'wrong')));
    expect(failures.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    const locked = await login('guessme', 'right-password').expect(429);
    expectApiError(locked.body, 'TOO_MANY_ATTEMPTS');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Other usernames are not affected.
    await login('operator', 'demo1234').expect(200);
  });

  it('enforces roles: 401 without or with a bad token, 403 for the wrong role', async () => {
    const warehouse = await staffToken(t, 'warehouse');
    const service = await staffToken(t, 'service');
    expectApiError((await t.api().get(`${API}/admin/staff`).expect(401)).body, 'UNAUTHORIZED');
    expectApiError((await t.api().get(`${API}/admin/staff`).set(bearer('garbage')).expect(401)).body, 'TOKEN_INVALID');
    expectApiError((await t.api().get(`${API}/admin/staff`).set(bearer(warehouse)).expect(403)).body, 'FORBIDDEN');
    expectApiError((await t.api().get(`${API}/admin/staff`).set(bearer(service)).expect(403)).body, 'FORBIDDEN');
    expectApiError((await t.api().get(`${API}/admin/members`).set(bearer(warehouse)).expect(403)).body, 'FORBIDDEN');
    await t.api().get(`${API}/admin/members`).set(bearer(service)).expect(200);
    await t.api().get(`${API}/admin/products`).set(bearer(warehouse)).expect(200);
    expectApiError(
      (await t.api().post(`${API}/admin/categories`).set(bearer(warehouse)).send({ name: '仓管不能建' }).expect(403)).body,
      'FORBIDDEN',
    );
    const list = await t.api().get(`${API}/admin/staff`).set(bearer(owner)).expect(200);
    expect(list.body).toEqual(expect.objectContaining({ page: 1, pageSize: 20, total: expect.any(Number) }));
    expect(list.body.items.map((s: { username: string }) => s.username)).toEqual(
      expect.arrayContaining(['owner', 'operator', 'service', 'warehouse']),
    );
  });

  it('lets the owner add staff and change roles; a role change applies to existing tokens at once', async () => {
    const created = await t.api().post(`${API}/admin/staff`).set(bearer(owner))
      .send({ username: 'new_cs', displayName: '新客服', password: 'password123', role: 'customer_service' }).expect(201);
    expect(created.body).toEqual(expect.objectContaining({ username: 'new_cs', role: 'customer_service', disabled: false }));
    const token = await staffToken(t, 'new_cs', 'password123');
    await t.api().get(`${API}/admin/members`).set(bearer(token)).expect(200);

    await t.api().patch(`${API}/admin/staff/${created.body.id}`).set(bearer(owner)).send({ role: 'warehouse' }).expect(200);
    await t.api().get(`${API}/admin/members`).set(bearer(token)).expect(403);

    const taken = await t.api().post(`${API}/admin/staff`).set(bearer(owner))
      .send({ username: 'new_cs', displayName: '重名', password: 'password123', role: 'operator' }).expect(409);
    expectApiError(taken.body, 'USERNAME_TAKEN');
  });

  it('disabled staff cannot log in and their tokens stop working', async () => {
    const created = await t.api().post(`${API}/admin/staff`).set(bearer(owner))
      .send({ username: 'leaver', displayName: '离职员工', password: 'password123', role: 'operator' }).expect(201);
    const token = await staffToken(t, 'leaver', 'password123');
    await t.api().patch(`${API}/admin/staff/${created.body.id}`).set(bearer(owner)).send({ disabled: true }).expect(200);
    expectApiError((await t.api().get(`${API}/admin/me`).set(bearer(token)).expect(401)).body, 'ACCOUNT_DISABLED');
    expectApiError((await login('leaver', 'password123').expect(403)).body, 'ACCOUNT_DISABLED');
  });

  it('changes a password so only the new one works', async () => {
    const created = await t.api().post(`${API}/admin/staff`).set(bearer(owner))
      .send({ username: 'rotator', displayName: '换密码', password: 'old-password', role: 'operator' }).expect(201);
    await t.api().patch(`${API}/admin/staff/${created.body.id}`).set(bearer(owner)).send({ password: 'new-password' }).expect(200);
    await login('rotator', 'old-password').expect(401);
    await login('rotator', 'new-password').expect(200);
  });

  describe('bad input', () => {
    it.each([
      ['a number username', { username: 1, password: 'x' }],
      ['no password', { username: 'owner' }],
      ['a 10 000-character password', { username: 'owner', password: 'p'.repeat(10_000) }],
      ['an unknown field', { username: 'owner', password: 'demo1234', remember: true }],
    ])('login rejects %s', async (_, body) => {
      expectApiError((await t.api().post(`${API}/admin/auth/login`).send(body).expect(400)).body, 'VALIDATION_FAILED');
    });

    it.each([
      ['an unknown role', { username: 'abc', displayName: '甲', password: 'password123', role: 'god' }, 'role'],
      ['a short password', { username: 'abc', displayName: '甲', password: 'short', role: 'operator' }, 'password'],
      ['a username with spaces', { username: 'a b c', displayName: '甲', password: 'password123', role: 'operator' }, 'username'],
      ['a 10 000-character name', { username: 'abc', displayName: '名'.repeat(10_000), password: 'password123', role: 'operator' }, 'displayName'],
      ['an unknown field', { username: 'abc', displayName: '甲', password: 'password123', role: 'operator', salary: 1 }, 'salary'],
    ])('create staff rejects %s', async (_, body, field) => {
      const response = await t.api().post(`${API}/admin/staff`).set(bearer(owner)).send(body).expect(400);
      expectApiError(response.body, 'VALIDATION_FAILED');
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('update staff rejects bad ids, unknown staff, wrong types and changing one’s own role', async () => {
      const me = (await t.api().get(`${API}/admin/me`).set(bearer(owner)).expect(200)).body;
      const patch = (id: string | number, body: object) => t.api().patch(`${API}/admin/staff/${id}`).set(bearer(owner)).send(body);
      expectApiError((await patch('abc', { displayName: '甲' }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await patch('99999999999999999999', { displayName: '甲' }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await patch(999999, { displayName: '甲' }).expect(404)).body, 'STAFF_NOT_FOUND');
      expectApiError((await patch(me.id, { disabled: 'yes' }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await patch(me.id, { role: 'operator' }).expect(400)).body, 'CANNOT_CHANGE_OWN_ROLE');
      expectApiError((await patch(me.id, { disabled: true }).expect(400)).body, 'CANNOT_CHANGE_OWN_ROLE');
    });

    it('staff list rejects bad paging', async () => {
      expectApiError((await t.api().get(`${API}/admin/staff?page=0`).set(bearer(owner)).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await t.api().get(`${API}/admin/staff?pageSize=abc`).set(bearer(owner)).expect(400)).body, 'VALIDATION_FAILED');
    });
  });
});
