import type { FakeRoute } from '../fake-router';
import { wechatError } from '../fake-router';
import { randomBytes } from 'node:crypto';

/** wx.login codes: the tester endpoint issues them, jscode2session redeems them. */
export const loginRoutes: FakeRoute[] = [
  {
    method: 'POST',
    path: '/fake/login-code',
    handle(request, state) {
      const identity = request.body?.identity;
      const withUnionid = request.body?.withUnionid ?? true;
      if (typeof identity !== 'string' || identity.length < 1 || identity.length > 64 || typeof withUnionid !== 'boolean') {
        return { status: 400, body: { message: 'identity 必须是 1-64 个字符的字符串，withUnionid 可选布尔值' } };
      }
      return { body: { code: state.loginCodes.issue({ identity, withUnionid }) } };
    },
  },
  {
    method: 'GET',
    path: '/sns/jscode2session',
    handle(request, state) {
      const { query } = request;
      if (query.get('appid') !== state.appid) return wechatError(40013, 'invalid appid');
      if (query.get('secret') !== state.secret) return wechatError(40125, 'invalid appsecret');
      if (query.get('grant_type') !== 'authorization_code') return wechatError(40002, 'invalid grant_type');
      const code = query.get('js_code') ?? '';
      const result = state.loginCodes.redeem(code);
      if (!result.ok) {
        return result.reason === 'used' ? wechatError(40163, 'code been used') : wechatError(40029, 'invalid code');
      }
      const { identity, withUnionid } = result.value;
      return {
        body: {
          openid: state.openidFor(identity),
          session_key: randomBytes(16).toString('base64'),
          ...(withUnionid ? { unionid: state.unionidFor(identity) } : {}),
        },
      };
    },
  },
];
