/** `POST /api/v1/auth/wechat-login` body. */
export interface WechatLoginRequest {
  code: string;
}

export interface WechatLoginResponse {
  token: string;
  member: MemberProfile;
  /** True when this login created the member. */
  isNew: boolean;
}

/** `GET /api/v1/me`, `PATCH /api/v1/me`. The phone is always masked for the shopper too. */
export interface MemberProfile {
  id: number;
  nickname: string | null;
  avatarUrl: string | null;
  /** Masked: 138****0000. */
  phoneMasked: string | null;
  createdAt: string;
}

/** `PATCH /api/v1/me` body (nickname 1..20 chars). Avatar: `POST /api/v1/me/avatar` multipart field `file`. */
export interface UpdateProfileRequest {
  nickname?: string;
  avatarUrl?: string;
}

/** `POST /api/v1/me/phone` body: the code from the getPhoneNumber button. */
export interface BindPhoneRequest {
  code: string;
}
