import { PRIVACY_POLICY_VERSION } from '../../shared';
import { MemberPrivacyConsentRow } from '../../server/src/members/privacy-consent.entity';
import { API, bearer, expectApiError, loginCode, memberToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

describe(`privacy consent: the version in force, accepting it, asking again after a change (${TEST_DB})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
  });
  afterAll(() => t.close());

  const consentRows = (memberId: number) =>
    t.dataSource.getRepository(MemberPrivacyConsentRow).find({ where: { memberId }, order: { id: 'ASC' } });

  it('publishes the current version to visitors', async () => {
    expect((await t.api().get(`${API}/privacy/current`).expect(200)).body).toEqual({ version: PRIVACY_POLICY_VERSION });
  });

  it('stores the consent given before the first login with the new member', async () => {
    const before = Date.now();
    const login = await t.api()
      .post(`${API}/auth/wechat-login`)
      .send({ code: loginCode(t, 'consent-first'), privacyConsentVersion: PRIVACY_POLICY_VERSION })
      .expect(200);
    expect(login.body.isNew).toBe(true);
    expect(login.body.member.privacyConsent).toEqual({ version: PRIVACY_POLICY_VERSION, acceptedAt: expect.any(String) });
    const rows = await consentRows(login.body.member.id);
    expect(rows.map((row) => row.version)).toEqual([PRIVACY_POLICY_VERSION]);
    // Databases keep whole seconds.
    expect(rows[0].acceptedAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(rows[0].acceptedAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a login with an outdated version before spending the code, and creates no member', async () => {
    const code = loginCode(t, 'consent-outdated');
    const refused = await t.api().post(`${API}/auth/wechat-login`).send({ code, privacyConsentVersion: '2020-01-01' }).expect(400);
    expectApiError(refused.body, 'PRIVACY_VERSION_MISMATCH');
    expect(refused.body.details).toEqual({ currentVersion: PRIVACY_POLICY_VERSION });
    // The same code still logs in once the shopper agreed to the policy in force.
    const login = await t.api().post(`${API}/auth/wechat-login`).send({ code, privacyConsentVersion: PRIVACY_POLICY_VERSION }).expect(200);
    expect(login.body.isNew).toBe(true);
  });

  it('records an accepted version once, refuses a bad one with 400, and needs a token', async () => {
    const token = await memberToken(t, 'consent-later');
    const me = (await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body;
    expect(me.privacyConsent).toBeNull();

    for (const body of [{ version: '1999-01-01' }]) {
      expectApiError((await t.api().post(`${API}/me/privacy-consent`).set(bearer(token)).send(body).expect(400)).body, 'PRIVACY_VERSION_MISMATCH');
    }
    for (const body of [{}, { version: '' }, { version: 20261201 }, { version: 'x'.repeat(33) }]) {
      expectApiError((await t.api().post(`${API}/me/privacy-consent`).set(bearer(token)).send(body).expect(400)).body, 'VALIDATION_FAILED');
    }
    expect(await consentRows(me.id)).toEqual([]);
    await t.api().post(`${API}/me/privacy-consent`).send({ version: PRIVACY_POLICY_VERSION }).expect(401);

    const accepted = (await t.api().post(`${API}/me/privacy-consent`).set(bearer(token)).send({ version: PRIVACY_POLICY_VERSION }).expect(200)).body;
    expect(accepted.privacyConsent).toEqual({ version: PRIVACY_POLICY_VERSION, acceptedAt: expect.any(String) });
    // Twice (a double tap, two devices): still one row, with the first time.
    const again = (await t.api().post(`${API}/me/privacy-consent`).set(bearer(token)).send({ version: PRIVACY_POLICY_VERSION }).expect(200)).body;
    expect(again.privacyConsent).toEqual(accepted.privacyConsent);
    expect(await consentRows(me.id)).toHaveLength(1);
    expect((await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body.privacyConsent).toEqual(accepted.privacyConsent);
  });

  it('shows a member who accepted an older version as one to ask again, and keeps both acceptances', async () => {
    const token = await memberToken(t, 'consent-old');
    const { id } = (await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body;
    // The member agreed to the policy before the current one was published.
    await t.dataSource.getRepository(MemberPrivacyConsentRow).insert({ memberId: id, version: '2025-06-01', acceptedAt: new Date('2025-06-02T08:00:00Z') });
    const asked = (await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body.privacyConsent;
    expect(asked).toEqual({ version: '2025-06-01', acceptedAt: '2025-06-02T08:00:00.000Z' });
    expect(asked.version).not.toBe(PRIVACY_POLICY_VERSION);

    // A login that carries the new version (the shopper agreed in the dialog) records it for an existing member too.
    const login = await t.api().post(`${API}/auth/wechat-login`).send({ code: loginCode(t, 'consent-old'), privacyConsentVersion: PRIVACY_POLICY_VERSION }).expect(200);
    expect(login.body.isNew).toBe(false);
    expect(login.body.member.privacyConsent.version).toBe(PRIVACY_POLICY_VERSION);
    expect((await consentRows(id)).map((row) => row.version)).toEqual(['2025-06-01', PRIVACY_POLICY_VERSION]);
  });

  it('records one acceptance when the same member agrees from two requests at once', async () => {
    const token = await memberToken(t, 'consent-race');
    const { id } = (await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.api().post(`${API}/me/privacy-consent`).set(bearer(token)).send({ version: PRIVACY_POLICY_VERSION })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    expect(await consentRows(id)).toHaveLength(1);
  });
});
