import type { MemberProfile } from '@shared/api/members';
import type { PrivacyPolicyCurrent } from '@shared/privacy';
import { request } from './request';

let cached: Promise<PrivacyPolicyCurrent> | null = null;

/** The 隐私政策 version in force, as the server publishes it; asked once per launch. */
export function fetchCurrentPrivacyVersion(): Promise<string> {
  cached ??= request<PrivacyPolicyCurrent>('/privacy/current', { toast: false }).catch((error) => {
    cached = null;
    throw error;
  });
  return cached.then((current) => current.version);
}

export function acceptPrivacyConsent(version: string): Promise<MemberProfile> {
  return request<MemberProfile>('/me/privacy-consent', { method: 'POST', body: { version } });
}
