import { HttpStatus } from '@nestjs/common';
import { ApiException } from '../../platform/errors/api-exception';

/** WeChat Pay answered a call with an error status and its {code, message} body. */
export class WechatPayApiError extends Error {
  constructor(
    readonly api: string,
    readonly status: number,
    /** WeChat's error code, e.g. ORDER_NOT_EXIST, ORDERPAID, SIGN_ERROR, NOT_ENOUGH. */
    readonly code: string,
    readonly wechatMessage: string,
  ) {
    super(`${api} failed: HTTP ${status} ${code} ${wechatMessage}`);
  }
}

/** WeChat Pay could not be reached, or answered something that is not its protocol. */
export class WechatPayUnreachableError extends Error {}

/**
 * A response that does not carry a valid WeChat Pay signature (unknown serial, bad signature, stale
 * timestamp): it may not come from WeChat, so nothing in it is trusted.
 */
export class WechatPayResponseRejected extends Error {}

/**
 * A transfer call whose outcome cannot be known (timeout, lost connection, 5xx, an error code WeChat does
 * not document for it, an answer that fails verification): the bill may or may not exist. Query it by
 * out_bill_no before anything else, and never create a bill under a new out_bill_no until the query says
 * FAIL ("否则会有重复转账的资金风险").
 */
export class WechatTransferOutcomeUnknown extends Error {
  constructor(
    readonly api: string,
    /** What happened: a WechatPayApiError, WechatPayUnreachableError or WechatPayResponseRejected. */
    readonly failure: Error,
  ) {
    super(`${api}: outcome unknown, query the bill first (${failure.message})`);
  }
}

/** A transfer refused before anything was sent (e.g. no user_name at 2,000 元 or more): no bill exists. */
export class WechatTransferInvalidInput extends Error {}

/** Why a notification was refused; the notify endpoint answers it with 4xx {code:"FAIL", message}. */
export type NotificationRejectionReason =
  | 'MISSING_HEADERS'
  | 'UNKNOWN_SERIAL'
  | 'STALE_TIMESTAMP'
  | 'BAD_SIGNATURE'
  | 'MALFORMED_BODY'
  | 'DECRYPTION_FAILED';

export class WechatPayNotificationRejected extends Error {
  /** 401 for a notification that may not come from WeChat, 400 for one that is not well formed. */
  readonly httpStatus: 400 | 401;

  constructor(
    readonly reason: NotificationRejectionReason,
    message: string,
  ) {
    super(message);
    this.httpStatus = reason === 'MALFORMED_BODY' ? 400 : 401;
  }

  /** The body WeChat expects on a refused notification; it then retries on its schedule. */
  toResponseBody(): { code: 'FAIL'; message: string } {
    return { code: 'FAIL', message: this.message };
  }
}

/**
 * For a caller that has handled the WeChat Pay error codes it expects (e.g. ORDERPAID on close): any other
 * WeChat Pay failure becomes 502 WECHAT_UNAVAILABLE for the shopper, never a 500. Other errors are rethrown.
 */
export function wechatPayUnavailable(error: unknown): ApiException {
  if (
    error instanceof WechatPayApiError ||
    error instanceof WechatPayUnreachableError ||
    error instanceof WechatPayResponseRejected ||
    error instanceof WechatTransferOutcomeUnknown
  ) {
    return new ApiException('WECHAT_UNAVAILABLE', HttpStatus.BAD_GATEWAY, '微信支付暂时不可用，请稍后重试');
  }
  throw error;
}
