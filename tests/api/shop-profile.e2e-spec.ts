import { API, bearer, expectApiError, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

describe(`shop profile: name, service, announcement, return address (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  beforeAll(async () => {
    t = await startTestApp();
    owner = await staffToken(t, 'owner');
  });
  afterAll(() => t.close());

  const profile = {
    shopName: '山野茶事·杭州店',
    logoUrl: null,
    servicePhone: '400-820-1688',
    serviceHours: '每天 9:00–21:00',
    announcement: '满 99 元包邮',
    returnAddress: { recipientName: '售后组', phone: '0571-88886666', address: '浙江省杭州市西湖区龙井路 88 号' },
  };

  it('starts from the defaults, saves every field, and shows shoppers everything but the return address', async () => {
    const initial = (await t.api().get(`${API}/shop/profile`).expect(200)).body;
    expect(initial).toEqual(expect.objectContaining({ shopName: expect.any(String) }));
    expect(initial).not.toHaveProperty('returnAddress');

    expect((await t.api().put(`${API}/admin/settings/profile`).set(bearer(owner)).send(profile).expect(200)).body).toEqual(profile);
    const { returnAddress: _hidden, ...shopperView } = profile;
    expect((await t.api().get(`${API}/shop/profile`).expect(200)).body).toEqual(shopperView);

    const cleared = { ...profile, servicePhone: null, serviceHours: '  ', announcement: null, returnAddress: null };
    const saved = (await t.api().put(`${API}/admin/settings/profile`).set(bearer(owner)).send(cleared).expect(200)).body;
    expect(saved).toEqual({ ...profile, servicePhone: null, serviceHours: null, announcement: null, returnAddress: null });
  });

  it('refuses bad input with 400 VALIDATION_FAILED and other roles with 403', async () => {
    for (const patch of [
      { shopName: '' },
      { shopName: '名'.repeat(21) },
      { servicePhone: 'call me' },
      { logoUrl: 'javascript:alert(1)' },
      { returnAddress: { recipientName: '', phone: '1', address: '' } },
      { announcement: 5 },
    ]) {
      const response = await t.api().put(`${API}/admin/settings/profile`).set(bearer(owner)).send({ ...profile, ...patch }).expect(400);
      expectApiError(response.body, 'VALIDATION_FAILED');
    }
    for (const role of ['service', 'warehouse']) {
      const token = await staffToken(t, role);
      expectApiError((await t.api().put(`${API}/admin/settings/profile`).set(bearer(token)).send(profile).expect(403)).body, 'FORBIDDEN');
    }
  });
});
