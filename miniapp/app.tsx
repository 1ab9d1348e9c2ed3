import type { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { captureAttribution, setAttributionTtlDays } from '@/services/attribution';
import { fetchCart } from '@/services/cart';
import { fetchMe } from '@/services/members';
import { fetchPlatformInfo } from '@/services/platform-info';
import { confirmMemberConsent, privacyGuard } from '@/services/privacy-consent';
import platform from '@/platform';
import { session } from '@/store/session';
import { holdTouch, recordTouch } from '@/services/touches';
import { captureLiveLaunch } from '@/live/live-inbound';
import './app.scss';

/**
 * Keeps the share link (`?s=`, a code's `scene`) or channel a launch or show carries, and reports it as a touch
 * once the shopper has agreed to the 隐私政策 (until then it waits on the device: see holdTouch).
 */
function capture(query: Record<string, string | undefined> | undefined) {
  const captured = captureAttribution(query);
  if (!captured) return;
  privacyGuard.hasAgreed().then((agreed) => (agreed ? recordTouch(captured) : holdTouch(captured)));
}

function App({ children }: PropsWithChildren) {
  // A share link or channel code can open the app cold (launch) or bring it back from the background (show).
  useLaunch((options) => {
    // H5 also takes `/?s=…` before the hash route; the route's own query wins.
    capture({ ...platform.addressBarQuery(), ...options?.query });
    // A launch from a live (a Channels scene, a plugin room's custom_params), reported after consent like the touch.
    captureLiveLaunch(options?.scene, options?.query);
    // How long the attribution is kept is the server's setting (ATTRIBUTION_TTL_DAYS).
    fetchPlatformInfo()
      .then((info) => setAttributionTtlDays(info.attributionTtlDays))
      .catch(() => {});
    platform.installPrivacyGuard(privacyGuard);
    // A member signed in from an earlier launch is asked again if the 隐私政策 changed since they agreed.
    if (session.get().token) {
      fetchMe()
        .then((profile) => {
          session.setProfile(profile);
          return confirmMemberConsent();
        })
        .catch(() => {});
    }
  });
  useDidShow((options) => {
    capture(options?.query);
    captureLiveLaunch(options?.scene, options?.query);
    // The cart badge starts from the server's count (the cart may have changed on another device).
    if (session.get().token) fetchCart().catch(() => {});
  });
  return children;
}

export default App;
