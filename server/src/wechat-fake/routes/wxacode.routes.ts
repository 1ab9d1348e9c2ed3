import QRCode from 'qrcode';
import { MINIPROGRAM_HOME_PAGE, MINIPROGRAM_PAGES, SCENE_ALLOWED, SCENE_MAX_LENGTH } from '../../../../shared';
import type { FakeRoute } from '../fake-router';
import { accessTokenError, wechatError } from '../fake-router';

const ENV_VERSIONS = new Set(['release', 'trial', 'develop']);
const WIDTH_DEFAULT = 430;
const WIDTH_MIN = 280;
const WIDTH_MAX = 1280;
const RELEASED_PAGES = new Set<string>(MINIPROGRAM_PAGES);

/**
 * What the fake's code encodes: the page and the scene as WeChat hands them to the opened page
 * (`query.scene`, URL-encoded), e.g. `goods/detail/index?scene=a3D`. A real code encodes an opaque WeChat
 * link; this one can be decoded by any QR reader, which is what lets tests check a poster end to end.
 */
export function fakeWxacodeText(page: string, scene: string): string {
  return `${page}?scene=${encodeURIComponent(scene)}`;
}

/**
 * POST /wxa/getwxacodeunlimit (wxacode.getUnlimited): a real, scannable QR-code PNG of `width` pixels on
 * success, WeChat's JSON errors otherwise: 40001/42001 token, 47001 body not JSON, 40169 scene empty or longer
 * than 32, 40097 a scene character WeChat does not allow or a bad width / env_version, 41030 a page that is
 * not a page of the mini-program (leading `/` or a query included) while check_path is on.
 */
export const wxacodeRoutes: FakeRoute[] = [
  {
    method: 'POST',
    path: '/wxa/getwxacodeunlimit',
    async handle(request, state) {
      const denied = accessTokenError(request, state);
      if (denied) return denied;
      const body = request.body;
      if (!body) return wechatError(47001, 'data format error');
      const { scene, page = MINIPROGRAM_HOME_PAGE, check_path: checkPath = true, env_version: envVersion = 'release', width = WIDTH_DEFAULT } = body;
      if (typeof scene !== 'string' || scene.length === 0 || scene.length > SCENE_MAX_LENGTH) return wechatError(40169, 'invalid length for scene, or the data is not json string');
      if (!SCENE_ALLOWED.test(scene)) return wechatError(40097, 'invalid args: scene has characters outside [0-9A-Za-z!#$&\'()*+,/:;=?@-._~]');
      if (typeof envVersion !== 'string' || !ENV_VERSIONS.has(envVersion)) return wechatError(40097, 'invalid args: env_version');
      if (typeof width !== 'number' || !Number.isInteger(width) || width < WIDTH_MIN || width > WIDTH_MAX) return wechatError(40097, 'invalid args: width must be 280..1280');
      if (typeof checkPath !== 'boolean') return wechatError(40097, 'invalid args: check_path');
      if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) return wechatError(41030, 'invalid page');
      if (checkPath && !RELEASED_PAGES.has(page)) return wechatError(41030, 'invalid page');
      const png = await QRCode.toBuffer(fakeWxacodeText(page, scene), { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' });
      return { binary: png, headers: { 'content-type': 'image/png' } };
    },
  },
];
