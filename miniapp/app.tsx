import type { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { captureAttribution } from '@/services/attribution';
import { fetchCart } from '@/services/cart';
import { fetchMe } from '@/services/members';
import { confirmMemberConsent, privacyGuard } from '@/services/privacy-consent';
import platform from '@/platform';
import { session } from '@/store/session';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // A share link or channel code can open the app cold (launch) or bring it back from the background (show).
  useLaunch((options) => {
    captureAttribution(options?.query);
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
    captureAttribution(options?.query);
    // The cart badge starts from the server's count (the cart may have changed on another device).
    if (session.get().token) fetchCart().catch(() => {});
  });
  return children;
}

export default App;
