import type { FakeRoute } from '../fake-router';
import { accessTokenError, wechatError } from '../fake-router';

/** Phone-number codes: the tester endpoint stands in for the consent sheet, getuserphonenumber redeems. */
export const phoneNumberRoutes: FakeRoute[] = [
  {
    method: 'POST',
    path: '/fake/phone-code',
    handle(request, state) {
      const phoneNumber = request.body?.phoneNumber;
      if (typeof phoneNumber !== 'string' || !/^1\d{10}$/.test(phoneNumber)) {
        return { status: 400, body: { message: 'phoneNumber 必须是 11 位手机号' } };
      }
      return { body: { code: state.phoneCodes.issue(phoneNumber) } };
    },
  },
  {
    method: 'POST',
    path: '/wxa/business/getuserphonenumber',
    handle(request, state) {
      const denied = accessTokenError(request, state);
      if (denied) return denied;
      const code = request.body?.code;
      const result = typeof code === 'string' ? state.phoneCodes.redeem(code) : null;
      if (!result?.ok) return wechatError(40029, 'invalid code');
      const phoneNumber = result.value;
      return {
        body: {
          errcode: 0,
          errmsg: 'ok',
          phone_info: {
            phoneNumber,
            purePhoneNumber: phoneNumber,
            countryCode: '86',
            watermark: { timestamp: Math.floor(state.now() / 1000), appid: state.appid },
          },
        },
      };
    },
  },
];
