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
