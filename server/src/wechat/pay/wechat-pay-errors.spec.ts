import { HttpStatus } from '@nestjs/common';
import {
  WechatPayApiError,
  WechatPayNotificationRejected,
  WechatPayResponseRejected,
  WechatPayUnreachableError,
  WechatTransferOutcomeUnknown,
  wechatPayUnavailable,
} from './wechat-pay-errors';

describe('WeChat Pay errors', () => {
  it.each([
    new WechatPayApiError('jsapi', 500, 'SYSTEM_ERROR', '系统错误'),
    new WechatPayUnreachableError('jsapi: connect ECONNREFUSED'),
    new WechatPayResponseRejected('jsapi: BAD_SIGNATURE'),
    new WechatTransferOutcomeUnknown('transfer create', new WechatPayUnreachableError('timeout')),
  ])('turns %p into 502 WECHAT_UNAVAILABLE', (error) => {
    const mapped = wechatPayUnavailable(error);
    expect(mapped.getStatus()).toBe(HttpStatus.BAD_GATEWAY);
    expect(mapped.body).toEqual({ code: 'WECHAT_UNAVAILABLE', message: '微信支付暂时不可用，请稍后重试' });
  });

  it('rethrows anything that is not a WeChat Pay failure', () => {
    const bug = new TypeError('x is undefined');
    expect(() => wechatPayUnavailable(bug)).toThrow(bug);
  });

  it('answers a refused notification with 401, or 400 when malformed, and WeChat’s FAIL body', () => {
    expect(new WechatPayNotificationRejected('BAD_SIGNATURE', '微信支付签名验证失败')).toMatchObject({ httpStatus: 401 });
    const malformed = new WechatPayNotificationRejected('MALFORMED_BODY', '通知格式不正确');
    expect(malformed.httpStatus).toBe(400);
    expect(malformed.toResponseBody()).toEqual({ code: 'FAIL', message: '通知格式不正确' });
  });
});
