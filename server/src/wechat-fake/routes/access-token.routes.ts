import type { FakeRoute } from '../fake-router';
import { wechatError } from '../fake-router';

/** POST /cgi-bin/stable_token: the same token within its validity unless force_refresh. */
export const accessTokenRoutes: FakeRoute[] = [
  {
    method: 'POST',
    path: '/cgi-bin/stable_token',
    handle(request, state) {
      const body = request.body;
      if (!body) return wechatError(47001, 'data format error');
      if (body.grant_type !== 'client_credential') return wechatError(40002, 'invalid grant_type');
      if (body.appid !== state.appid) return wechatError(40013, 'invalid appid');
      if (body.secret !== state.secret) return wechatError(40125, 'invalid appsecret');
      const { token, expiresIn } = state.stableToken(body.force_refresh === true);
      return { body: { access_token: token, expires_in: expiresIn } };
    },
  },
];
