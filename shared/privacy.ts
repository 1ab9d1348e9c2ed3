/**
 * The shop's 用户协议 and 隐私政策 version. The storefront's two documents (miniapp/legal/) say what this
 * version covers; change both together and bump the version when what is collected or why changes: every
 * member is then asked again (their accepted version no longer equals this one).
 */
export const PRIVACY_POLICY_VERSION = '2026-12-06';

/** Longest version string a client may send. */
export const PRIVACY_VERSION_MAX_LENGTH = 32;

/** `GET /api/v1/privacy/current` (no sign-in needed). */
export interface PrivacyPolicyCurrent {
  version: string;
}

/** The version a member last accepted and when. */
export interface PrivacyConsent {
  version: string;
  acceptedAt: string;
}

/** `POST /api/v1/me/privacy-consent` body; `version` must be the current one (else 400 PRIVACY_VERSION_MISMATCH). */
export interface PrivacyConsentRequest {
  version: string;
}

/** True when the member must be asked (again): never accepted, or accepted an older version. */
export function needsPrivacyConsent(accepted: PrivacyConsent | null, currentVersion: string): boolean {
  return accepted?.version !== currentVersion;
}
