import { MemberRow } from '../../server/src/members/member.entity';
import { API, bearer, expectApiError, loginCode, memberToken, PNG_1X1, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

describe(`shopper WeChat login and profile (${TEST_DB})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const login = (code: string) => t.api().post(`${API}/auth/wechat-login`).send({ code });

  it('logs in with a code from the fake WeChat, creating the member once and keeping the unionid', async () => {
    const codeResponse = await fetch(`${t.fake.url}/fake/login-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identity: 'alice' }),
    });
    const { code } = (await codeResponse.json()) as { code: string };
    const first = await login(code).expect(200);
    expect(first.body).toEqual({
      token: expect.any(String),
      isNew: true,
      member: { id: expect.any(Number), nickname: null, avatarUrl: null, phoneMasked: null, createdAt: expect.any(String), privacyConsent: null },
    });
    const second = await login(loginCode(t, 'alice')).expect(200);
    expect(second.body.isNew).toBe(false);
    expect(second.body.member.id).toBe(first.body.member.id);

    const stored = await t.dataSource.getRepository(MemberRow).findOneByOrFail({ id: first.body.member.id });
    expect(stored.openid).toBe(t.fake.state.openidFor('alice'));
    expect(stored.unionid).toBe(t.fake.state.unionidFor('alice'));
    expect(stored.lastLoginAt).toBeInstanceOf(Date);

    const me = await t.api().get(`${API}/me`).set(bearer(second.body.token)).expect(200);
    expect(me.body.id).toBe(first.body.member.id);
  });

  it('stores no unionid when WeChat sends none', async () => {
    const response = await login(loginCode(t, 'no-union', false)).expect(200);
    const stored = await t.dataSource.getRepository(MemberRow).findOneByOrFail({ id: response.body.member.id });
    expect(stored.unionid).toBeNull();
  });

  it('refuses a reused code (40163) and an unknown code (40029) with 400 WECHAT_LOGIN_FAILED', async () => {
    const code = loginCode(t, 'bob');
    await login(code).expect(200);
    const reused = await login(code).expect(400);
    expectApiError(reused.body, 'WECHAT_LOGIN_FAILED');
    expect(reused.body.details).toEqual({ errcode: 40163 });
    const unknown = await login('never-issued-code').expect(400);
    expectApiError(unknown.body, 'WECHAT_LOGIN_FAILED');
    expect(unknown.body.details).toEqual({ errcode: 40029 });
  });

  it('creates exactly one member when the first logins of one person race', async () => {
    const codes = Array.from({ length: 6 }, () => loginCode(t, 'racer'));
    const responses = await Promise.all(codes.map((code) => login(code)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(responses.map((r) => r.body.member.id)).size).toBe(1);
    expect(responses.filter((r) => r.body.isNew)).toHaveLength(1);
    expect(await t.dataSource.getRepository(MemberRow).countBy({ openid: t.fake.state.openidFor('racer') })).toBe(1);
  });

  it('answers 502 WECHAT_UNAVAILABLE when WeChat cannot be reached', async () => {
    const code = loginCode(t, 'offline');
    const port = t.fake.port;
    await t.fake.stop();
    try {
      expectApiError((await login(code).expect(502)).body, 'WECHAT_UNAVAILABLE');
    } finally {
      await t.fake.start(port);
    }
  });

  it('updates the nickname and avatar', async () => {
    const token = await memberToken(t, 'carol');
    const updated = await t.api().patch(`${API}/me`).set(bearer(token)).send({ nickname: '  茶友小林 ' }).expect(200);
    expect(updated.body.nickname).toBe('茶友小林');

    const avatar = await t.api().post(`${API}/me/avatar`).set(bearer(token)).attach('file', PNG_1X1, 'a.png').expect(200);
    expect(avatar.body.avatarUrl).toMatch(/^\/uploads\/avatars\/[0-9a-f]{32}\.png$/);
    const file = await t.api().get(avatar.body.avatarUrl).expect(200);
    expect(Buffer.compare(file.body as Buffer, PNG_1X1)).toBe(0);
    expect((await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body.avatarUrl).toBe(avatar.body.avatarUrl);
  });

  it('binds the phone through getuserphonenumber and shows it masked to the shopper', async () => {
    const token = await memberToken(t, 'dave');
    const code = t.fake.state.phoneCodes.issue('13812345678');
    const bound = await t.api().post(`${API}/me/phone`).set(bearer(token)).send({ code }).expect(200);
    expect(bound.body.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(bound.body)).not.toContain('13812345678');
    const me = await t.api().get(`${API}/me`).set(bearer(token)).expect(200);
    expect(me.body.phoneMasked).toBe('138****5678');

    const reused = await t.api().post(`${API}/me/phone`).set(bearer(token)).send({ code }).expect(400);
    expectApiError(reused.body, 'WECHAT_PHONE_FAILED');
  });

  it('fetches a new access token and retries once when WeChat revoked the cached one', async () => {
    const token = await memberToken(t, 'erin');
    await t.api().post(`${API}/me/phone`).set(bearer(token)).send({ code: t.fake.state.phoneCodes.issue('13900000001') }).expect(200);
    t.fake.state.revokeAccessTokens();
    const response = await t.api().post(`${API}/me/phone`).set(bearer(token)).send({ code: t.fake.state.phoneCodes.issue('13900000002') }).expect(200);
    expect(response.body.phoneMasked).toBe('139****0002');
  });

  it('keeps member and staff tokens apart', async () => {
    const staff = await staffToken(t, 'owner');
    expectApiError((await t.api().get(`${API}/me`).set(bearer(staff)).expect(401)).body, 'TOKEN_INVALID');
    const member = await memberToken(t, 'frank');
    expectApiError((await t.api().get(`${API}/admin/me`).set(bearer(member)).expect(401)).body, 'TOKEN_INVALID');
    expectApiError((await t.api().get(`${API}/me`).expect(401)).body, 'UNAUTHORIZED');
    expectApiError((await t.api().get(`${API}/me`).set(bearer('not.a.jwt')).expect(401)).body, 'TOKEN_INVALID');
  });

  it('shows staff the member list and details, with the full phone only for owner and customer service', async () => {
    const token = await memberToken(t, 'grace');
    await t.api().patch(`${API}/me`).set(bearer(token)).send({ nickname: '格蕾丝' }).expect(200);
    await t.api().post(`${API}/me/phone`).set(bearer(token)).send({ code: t.fake.state.phoneCodes.issue('13700001234') }).expect(200);
    const [owner, service, operator] = await Promise.all(['owner', 'service', 'operator'].map((name) => staffToken(t, name)));

    const search = async (staff: string, keyword: string) =>
      (await t.api().get(`${API}/admin/members?keyword=${encodeURIComponent(keyword)}`).set(bearer(staff)).expect(200)).body;
    const byName = await search(owner, '格蕾');
    expect(byName.total).toBe(1);
    expect(byName.items[0]).toEqual(expect.objectContaining({ nickname: '格蕾丝', phone: '13700001234' }));
    expect((await search(service, '0000123')).items[0].phone).toBe('13700001234');
    expect((await search(operator, '格蕾')).items[0].phone).toBe('137****1234');
    expect((await search(owner, String(byName.items[0].id))).items.map((m: { id: number }) => m.id)).toContain(byName.items[0].id);

    const id = byName.items[0].id;
    const detail = (await t.api().get(`${API}/admin/members/${id}`).set(bearer(operator)).expect(200)).body;
    expect(detail).toEqual(expect.objectContaining({ id, phone: '137****1234', openid: t.fake.state.openidFor('grace'), unionid: t.fake.state.unionidFor('grace') }));
    expect((await t.api().get(`${API}/admin/members/${id}`).set(bearer(service)).expect(200)).body.phone).toBe('13700001234');
  });

  describe('bad input', () => {
    let token: string;
    beforeAll(async () => {
      token = await memberToken(t, 'mallory');
    });

    it.each([
      ['a number code', { code: 123 }],
      ['no code', {}],
      ['an empty code', { code: '' }],
      ['a 10 000-character code', { code: 'x'.repeat(10_000) }],
      ['an unknown field', { code: 'abc', admin: true }],
      ['an array body', [{ code: 'abc' }]],
    ])('wechat-login rejects %s', async (_, body) => {
      expectApiError((await t.api().post(`${API}/auth/wechat-login`).send(body as object).expect(400)).body, 'VALIDATION_FAILED');
    });

    it.each([
      ['a number nickname', { nickname: 5 }, 'nickname'],
      ['a blank nickname', { nickname: '   ' }, 'nickname'],
      ['a 10 000-character nickname', { nickname: '茶'.repeat(10_000) }, 'nickname'],
      ['an outside avatar URL', { avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
      ['a path-traversing avatar URL', { avatarUrl: '/uploads/avatars/../../etc/passwd' }, 'avatarUrl'],
      ['an unknown field', { nickname: '好', phone: '13800000000' }, 'phone'],
    ])('PATCH /me rejects %s', async (_, body, field) => {
      const response = await t.api().patch(`${API}/me`).set(bearer(token)).send(body).expect(400);
      expectApiError(response.body, 'VALIDATION_FAILED');
      expect(response.body.details).toEqual([{ field, message: expect.any(String) }]);
      expect(response.body.message).toContain(field);
    });

    it('avatar upload rejects a missing file, a non-image, an SVG and an oversized image', async () => {
      const upload = () => t.api().post(`${API}/me/avatar`).set(bearer(token));
      expectApiError((await upload().send({}).expect(400)).body, 'FILE_MISSING');
      expectApiError((await upload().attach('photo', PNG_1X1, 'a.png').expect(400)).body, 'FILE_MISSING');
      expectApiError((await upload().attach('file', Buffer.from('hello'), 'a.png').expect(400)).body, 'FILE_TYPE_NOT_ALLOWED');
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      expectApiError((await upload().attach('file', svg, 'a.svg').expect(400)).body, 'FILE_TYPE_NOT_ALLOWED');
      const big = Buffer.concat([PNG_1X1, Buffer.alloc(3 * 1024 * 1024)]);
      expectApiError((await upload().attach('file', big, 'big.png').expect(413)).body, 'FILE_TOO_LARGE');
    });

    it('admin member endpoints reject bad queries and unknown ids', async () => {
      const owner = await staffToken(t, 'owner');
      for (const query of [`keyword=${'k'.repeat(10_000)}`, 'page=abc', 'pageSize=0', 'phone=1']) {
        const response = await t.api().get(`${API}/admin/members?${query}`).set(bearer(owner));
        expect([query, response.status]).toEqual([query, 400]);
        expectApiError(response.body, 'VALIDATION_FAILED');
      }
      expectApiError((await t.api().get(`${API}/admin/members/999999`).set(bearer(owner)).expect(404)).body, 'MEMBER_NOT_FOUND');
      expectApiError((await t.api().get(`${API}/admin/members/abc`).set(bearer(owner)).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await t.api().get(`${API}/admin/members`).expect(401)).body, 'UNAUTHORIZED');
    });

    it('phone binding rejects wrong types and unknown codes', async () => {
      const bind = (body: object) => t.api().post(`${API}/me/phone`).set(bearer(token)).send(body);
      expectApiError((await bind({ code: ['a'] }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await bind({ code: 'y'.repeat(10_000) }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await bind({ code: 'unknown' }).expect(400)).body, 'WECHAT_PHONE_FAILED');
    });
  });
});
