import type { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { captureAttribution } from '@/services/attribution';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // A share link or channel code can open the app cold (launch) or bring it back from the background (show).
  useLaunch((options) => captureAttribution(options?.query));
  useDidShow((options) => captureAttribution(options?.query));
  return children;
}

export default App;
