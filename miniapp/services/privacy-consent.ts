import Taro from '@tarojs/taro';
import { needsPrivacyConsent } from '@shared/privacy';
import type { PrivacyGuard } from '@/platform/types';
import { privacyDialog } from '@/store/privacy-dialog';
import { session } from '@/store/session';
import { acceptPrivacyConsent, fetchCurrentPrivacyVersion } from './privacy';
import { releaseHeldTouch } from './touches';

/** The version this device's shopper agreed to in our dialog (before logging in, or on a privacy feature). */
const ACCEPTED_KEY = 'storefront.privacyAcceptedVersion';

function acceptedOnDevice(): string | null {
  return Taro.getStorageSync(ACCEPTED_KEY) || null;
}

function rememberAccepted(version: string) {
  Taro.setStorageSync(ACCEPTED_KEY, version);
  releaseHeldTouch();
}

async function agreedToCurrent(): Promise<boolean> {
  return acceptedOnDevice() === (await fetchCurrentPrivacyVersion());
}

/**
 * Before a login: the version the shopper agreed to (asked in the dialog unless this device already agreed to
 * the one in force), or null when they declined and stay a guest. Throws when the version cannot be fetched.
 */
export async function consentBeforeLogin(): Promise<string | null> {
  const version = await fetchCurrentPrivacyVersion().catch(() => {
    throw new Error('暂时无法读取隐私政策，请稍后重试');
  });
  if (acceptedOnDevice() === version) return version;
  if (!(await privacyDialog.ask('first'))) return null;
  rememberAccepted(version);
  return version;
}

let checking: Promise<void> | null = null;

/**
 * The signed-in member (the session's profile) is asked again when the version they accepted is not the one
 * in force (the policy changed): agreeing records it on the server, declining signs them out. One check at a time.
 */
export function confirmMemberConsent(): Promise<void> {
  checking ??= (async () => {
    const version = await fetchCurrentPrivacyVersion();
    const { profile } = session.get();
    if (!profile) return;
    if (!needsPrivacyConsent(profile.privacyConsent, version)) {
      rememberAccepted(version);
      return;
    }
    if (await privacyDialog.ask('updated')) {
      session.setProfile(await acceptPrivacyConsent(version));
      rememberAccepted(version);
    } else {
      // Declined the policy in force: the next login asks again.
      Taro.removeStorageSync(ACCEPTED_KEY);
      session.signOut();
      Taro.showToast({ title: '未同意新版隐私政策，已退出登录', icon: 'none', duration: 2500 });
    }
  })()
    .catch(() => {}) // a failed fetch or save asks again on the next check; the request wrapper toasted it
    .finally(() => {
      checking = null;
    });
  return checking;
}

/** What the platform adapter asks before a privacy feature (WeChat's onNeedPrivacyAuthorization, or H5's stand-in). */
export const privacyGuard: PrivacyGuard = {
  async ask() {
    const agreed = await privacyDialog.ask('first');
    if (agreed) fetchCurrentPrivacyVersion().then(rememberAccepted, () => {});
    return agreed;
  },
  hasAgreed: () => agreedToCurrent().catch(() => false),
};
