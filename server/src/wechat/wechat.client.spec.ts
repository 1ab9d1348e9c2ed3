import { FakeWechatServer } from '../wechat-fake/fake-wechat-server';
import { WechatApiError } from './wechat-errors';
import { WechatClient } from './wechat.client';

describe('WechatClient against the fake WeChat', () => {
  let now = Date.now();
  const clock = () => now;
  const fake = new FakeWechatServer({ appid: 'wx-test', secret: 'secret', now: clock });
  let base: string;
  beforeAll(async () => {
    base = await fake.start(0);
  });
  afterAll(() => fake.stop());

  const client = (secret = 'secret') => new WechatClient({ appid: 'wx-test', secret, apiBase: base, now: clock });

  it('exchanges a login code for the identity’s stable openid and unionid', async () => {
    const code = fake.state.loginCodes.issue({ identity: 'alice', withUnionid: true });
    expect(await client().code2Session(code)).toEqual({ openid: fake.state.openidFor('alice'), unionid: fake.state.unionidFor('alice') });
    await expect(client().code2Session(code)).rejects.toMatchObject({ errcode: 40163 });
  });

  it('fails with 40029 for a code past its five minutes, and 40125 for a wrong secret', async () => {
    const code = fake.state.loginCodes.issue({ identity: 'late', withUnionid: false });
    now += 5 * 60 * 1000 + 1000;
    await expect(client().code2Session(code)).rejects.toMatchObject({ errcode: 40029 });
    const fresh = fake.state.loginCodes.issue({ identity: 'late', withUnionid: false });
    const error = await client('wrong').code2Session(fresh).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatApiError);
    expect((error as WechatApiError).errcode).toBe(40125);
  });

  it('reuses the cached access token, and refreshes it once after WeChat revokes it', async () => {
    const wechat = client();
    const phone = (number: string) => wechat.getPhoneNumber(fake.state.phoneCodes.issue(number));
    const tokenSpy = jest.spyOn(fake.state, 'stableToken');
    expect((await phone('13800000001')).purePhoneNumber).toBe('13800000001');
    expect((await phone('13800000002')).purePhoneNumber).toBe('13800000002');
    expect(tokenSpy).toHaveBeenCalledTimes(1);

    fake.state.revokeAccessTokens();
    expect((await phone('13800000003')).purePhoneNumber).toBe('13800000003');
    expect(tokenSpy).toHaveBeenCalledTimes(2);

    // Renewed 5 minutes before WeChat's 7200 s expiry.
    now += (7200 - 299) * 1000;
    await phone('13800000004');
    expect(tokenSpy).toHaveBeenCalledTimes(3);
    tokenSpy.mockRestore();
  });
});
