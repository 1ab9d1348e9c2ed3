import { useState } from 'react';
import Taro from '@tarojs/taro';
import platform from '@/platform';
import { bindPhone, wechatLogin } from '@/services/members';
import { fetchCart } from '@/services/cart';
import { ApiRequestError } from '@/services/request';
import { session } from '@/store/session';

/** Sign-in and phone binding as the 我的 page offers them; errors are already toasted by the request wrapper. */
export function useMemberActions() {
  const [loggingIn, setLoggingIn] = useState(false);

  /** Resolves true once signed in. */
  const login = async (): Promise<boolean> => {
    if (loggingIn) return false;
    setLoggingIn(true);
    try {
      const code = await platform.getLoginCode();
      const { token, member } = await wechatLogin(code);
      session.signIn(token, member);
      Taro.showToast({ title: '登录成功', icon: 'success' });
      fetchCart().catch(() => {}); // sets the cart badge
      return true;
    } catch (error) {
      // API errors were toasted by the request wrapper; a failure to get a login code was not.
      if (!(error instanceof ApiRequestError)) Taro.showToast({ title: (error as Error).message, icon: 'none' });
    } finally {
      setLoggingIn(false);
    }
    return false;
  };

  const bindPhoneWithCode = async (code: string) => {
    const profile = await bindPhone({ code }).catch(() => null);
    if (!profile) return;
    session.setProfile(profile);
    Taro.showToast({ title: '手机号已绑定', icon: 'success' });
  };

  return { login, loggingIn, bindPhoneWithCode };
}
