import type { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { captureAttribution } from '@/services/attribution';
import { fetchCart } from '@/services/cart';
import { session } from '@/store/session';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // A share link or channel code can open the app cold (launch) or bring it back from the background (show).
  useLaunch((options) => captureAttribution(options?.query));
  useDidShow((options) => {
    captureAttribution(options?.query);
    // The cart badge starts from the server's count (the cart may have changed on another device).
    if (session.get().token) fetchCart().catch(() => {});
  });
  return children;
}

export default App;
