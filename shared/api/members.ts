import type { PrivacyConsent } from '../privacy';
import type { LoginAttribution } from './attribution';

/** `POST /api/v1/auth/wechat-login` body. */
export interface WechatLoginRequest {
  code: string;
  /**
   * The 隐私政策 version the shopper agreed to just before this login (the storefront asks before the first
   * login). Must be the current version (400 PRIVACY_VERSION_MISMATCH otherwise); recorded with the login,
   * for a new member at creation.
   */
  privacyConsentVersion?: string;
  /**
   * The share link or channel the storefront was opened with (kept for ATTRIBUTION_TTL_DAYS) and its device
   * id: the device's touches and the device become the member's. Invalid values are ignored, never an error.
   */
  attribution?: LoginAttribution;
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
  /** The 隐私政策 version the member last accepted, or null; compare with `GET /privacy/current`. */
  privacyConsent: PrivacyConsent | null;
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

/** A member's name wherever staff read one (console tables, CSV exports): the nickname, or 会员<id> without one. */
export function memberDisplayName(nickname: string | null | undefined, memberId: number): string {
  return nickname || `会员${memberId}`;
}
