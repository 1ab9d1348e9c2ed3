/**
 * Tester endpoints of the fake WeChat server (fake mode only, CORS open). They stand in for what the
 * WeChat client app does on a phone: `wx.login` issuing a login code, and the phone-number consent
 * sheet issuing a phone code. The server then redeems those codes over the real protocol.
 */

/** `POST {fakeWechatBaseUrl}/fake/login-code` → FakeCodeResponse. The same identity always maps to the same openid. */
export interface FakeLoginCodeRequest {
  identity: string;
  /** Whether jscode2session includes a unionid (as when the app is bound to an Open Platform account); default true. */
  withUnionid?: boolean;
}

/** `POST {fakeWechatBaseUrl}/fake/phone-code` → FakeCodeResponse. */
export interface FakePhoneCodeRequest {
  phoneNumber: string;
}

export interface FakeCodeResponse {
  code: string;
}

/**
 * 商家转账 tester endpoints (fake mode). The storefront's H5 build opens
 * `GET {fakeWechatBaseUrl}/fake/transfer/confirm-page?package=<package_info>&identity=<fake WeChat identity>&redirect=<url>`
 * in place of wx.requestMerchantTransfer; it comes back to `redirect` with `fake_transfer_result=success|cancel`.
 */

/** `POST /fake/transfer/confirm` → FakeTransferConfirmResponse: the payee taps 确认收款 (only the bill's openid may: 403). */
export interface FakeTransferConfirmRequest {
  /** The bill's package_info, as the storefront holds it; or outBillNo. */
  packageInfo?: string;
  outBillNo?: string;
  /** Who confirms: the fake WeChat identity the storefront logged in with, or an openid. */
  identity?: string;
  openid?: string;
}

export interface FakeTransferConfirmResponse {
  outBillNo: string;
  transferBillNo: string;
  /** TRANSFERING; SUCCESS and the notification follow shortly. */
  state: string;
  errMsg: 'requestMerchantTransfer:ok';
}

/** `POST /fake/transfer/expire` ({outBillNo}): the 24 hours run out now → FAIL / OVERDUE_CLOSE and the notification. */
export interface FakeTransferExpireRequest {
  outBillNo: string;
}

/** `POST /fake/transfer/redeliver` ({outBillNo}): sends the bill's MCHTRANSFER.BILL.FINISHED again. */
export interface FakeTransferRedeliverRequest {
  outBillNo: string;
}

/**
 * `POST /fake/transfer/fault`: the next create makes the bill but answers a 500 SYSTEM_ERROR, or holds its answer past
 * the client's timeout, as a lost answer would (the shop must query before anything else).
 */
export interface FakeTransferFaultRequest {
  fault: 'timeout' | 'system_error';
}
