import type { MemberProfile } from '@shared/api/members';
import type { PrivacyPolicyCurrent } from '@shared/privacy';
import { oncePerLaunch } from './once-per-launch';
import { request } from './request';

const fetchCurrentPolicy = oncePerLaunch(() => request<PrivacyPolicyCurrent>('/privacy/current', { toast: false }));

/** The 隐私政策 version in force, as the server publishes it; asked once per launch. */
export async function fetchCurrentPrivacyVersion(): Promise<string> {
  return (await fetchCurrentPolicy()).version;
}

export function acceptPrivacyConsent(version: string): Promise<MemberProfile> {
  return request<MemberProfile>('/me/privacy-consent', { method: 'POST', body: { version } });
}
