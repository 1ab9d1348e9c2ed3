import { HttpStatus } from '@nestjs/common';
import { ApiException } from '../platform/errors/api-exception';

/** WeChat answered with an errcode. */
export class WechatApiError extends Error {
  constructor(
    readonly api: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${api} failed: ${errcode} ${errmsg}`);
  }
}

/** WeChat could not be reached or answered something that is not its protocol. */
export class WechatUnreachableError extends Error {}

/** errcodes caused by the code the user brought (invalid, used, expired, risky user), not by us. */
const LOGIN_CODE_ERRORS = new Set([40029, 40163, 40226]);
const PHONE_CODE_ERRORS = new Set([40029, 40163]);

function unavailable(): ApiException {
  return new ApiException('WECHAT_UNAVAILABLE', HttpStatus.BAD_GATEWAY, '微信服务暂时不可用，请稍后重试');
}

/** Maps a jscode2session failure to the API error the shopper sees (never a 500). */
export function loginFailure(error: unknown): ApiException {
  if (error instanceof WechatApiError && LOGIN_CODE_ERRORS.has(error.errcode)) {
    return new ApiException('WECHAT_LOGIN_FAILED', HttpStatus.BAD_REQUEST, '微信登录凭证无效或已使用，请重新登录', {
      errcode: error.errcode,
    });
  }
  if (error instanceof WechatApiError || error instanceof WechatUnreachableError) return unavailable();
  throw error;
}

/** Maps a getuserphonenumber failure to the API error the shopper sees (never a 500). */
export function phoneFailure(error: unknown): ApiException {
  if (error instanceof WechatApiError && PHONE_CODE_ERRORS.has(error.errcode)) {
    return new ApiException('WECHAT_PHONE_FAILED', HttpStatus.BAD_REQUEST, '手机号授权无效或已过期，请重新授权', {
      errcode: error.errcode,
    });
  }
  if (error instanceof WechatApiError || error instanceof WechatUnreachableError) return unavailable();
  throw error;
}
