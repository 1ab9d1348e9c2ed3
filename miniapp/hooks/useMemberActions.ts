import { useState } from 'react';
import Taro from '@tarojs/taro';
import platform from '@/platform';
import { bindPhone, wechatLogin } from '@/services/members';
import { fetchCart } from '@/services/cart';
import { listMyCoupons } from '@/services/coupons';
import { consentBeforeLogin } from '@/services/privacy-consent';
import { ApiRequestError } from '@/services/request';
import { routes } from '@/routes';
import { session } from '@/store/session';

/** A new member's first login brought the 新人券 (granted by the server on registration): say so once. */
async function announceNewcomerCoupons() {
  const { items } = await listMyCoupons({ status: 'unused', pageSize: 20 });
  const names = items.filter((coupon) => coupon.source === 'newcomer').map((coupon) => coupon.name);
  if (names.length === 0) return;
  const { confirm } = await Taro.showModal({
    title: '新人券已到账',
    content: `${names.join('、')}已放入「我的优惠券」，下单时自动抵扣`,
    confirmText: '去看看',
    cancelText: '知道了',
  });
  if (confirm) Taro.navigateTo({ url: routes.myCoupons });
}

/** Sign-in and phone binding as the 我的 page offers them; errors are already toasted by the request wrapper. */
export function useMemberActions() {
  const [loggingIn, setLoggingIn] = useState(false);

  /** Resolves true once signed in; the shopper first agrees to the 用户协议 and 隐私政策 (declining stays a guest). */
  const login = async (): Promise<boolean> => {
    if (loggingIn) return false;
    setLoggingIn(true);
    try {
      const privacyConsentVersion = await consentBeforeLogin();
      if (!privacyConsentVersion) {
        Taro.showToast({ title: '同意用户协议和隐私政策后才能登录', icon: 'none' });
        return false;
      }
      const code = await platform.getLoginCode();
      const { token, member, isNew } = await wechatLogin(code, privacyConsentVersion);
      session.signIn(token, member);
      fetchCart().catch(() => {}); // sets the cart badge
      if (isNew) await announceNewcomerCoupons().catch(() => {});
      else Taro.showToast({ title: '登录成功', icon: 'success' });
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
