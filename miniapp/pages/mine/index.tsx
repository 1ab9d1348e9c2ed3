import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { fetchMe } from '@/services/members';
import { assetUrl } from '@/services/api-origin';
import { session, useSession } from '@/store/session';
import platform from '@/platform';
import { orderListUrl, routes } from '@/routes';
import { ORDER_TAB_LABELS } from '@shared/api/orders';
import { SHOP_NAME } from '@/shop';
import { useMemberActions } from '@/hooks/useMemberActions';
import { PageState } from '@/components/page-state/PageState';
import { MembershipEntry } from './MembershipEntry';
import './index.scss';
import { useCartBadge } from '@/store/cart-badge';

/** The status shortcuts under 我的订单 (售后 sits with them, 已完成 lives under 全部订单). */
const ORDER_SHORTCUTS = ['pending_payment', 'paid', 'shipped', 'after_sale'] as const;

export default function MinePage() {
  useCartBadge();
  const { token, profile } = useSession();
  const { login, loggingIn, bindPhoneWithCode } = useMemberActions();
  const [loadError, setLoadError] = useState<string | null>(null);

  const loadProfile = useCallback(async () => {
    if (!session.get().token) return;
    setLoadError(null);
    try {
      session.setProfile(await fetchMe());
    } catch (error) {
      // A 401 has already signed the shopper out; anything else shows in place with a retry.
      if (session.get().token) setLoadError((error as Error).message);
    }
  }, []);

  // Refresh on every visit: the profile may have been edited on the edit page.
  useDidShow(() => {
    loadProfile();
  });

  if (!token) {
    return (
      <View className="mine-page mine-page--guest">
        <View className="mine-page__welcome">
          <Text className="mine-page__welcome-title">欢迎来到{SHOP_NAME}</Text>
          <Text className="mine-page__welcome-text">登录后可保存资料、绑定手机号，享受会员服务</Text>
        </View>
        <Button className="login-button" type="primary" block loading={loggingIn} onClick={login}>
          微信一键登录
        </Button>
      </View>
    );
  }

  if (!profile) {
    return loadError ? (
      <PageState status="error" text={loadError} onRetry={loadProfile} />
    ) : (
      <PageState status="loading" />
    );
  }

  return (
    <View className="mine-page">
      <View className="mine-page__header member-card">
        {profile.avatarUrl ? (
          <Image className="mine-page__avatar member-avatar" src={assetUrl(profile.avatarUrl)} mode="aspectFill" />
        ) : (
          <View className="mine-page__avatar mine-page__avatar--empty member-avatar" />
        )}
        <View className="mine-page__identity">
          <Text className="mine-page__nickname member-nickname">{profile.nickname || '微信用户'}</Text>
          <Text className="mine-page__phone member-phone">{profile.phoneMasked ?? '未绑定手机号'}</Text>
        </View>
      </View>

      <MembershipEntry />

      <View className="mine-page__orders">
        <View className="mine-page__orders-head">
          <Text className="mine-page__orders-title">我的订单</Text>
          <Text className="all-orders-entry" onClick={() => Taro.navigateTo({ url: orderListUrl('all') })}>
            全部订单 ›
          </Text>
        </View>
        <View className="mine-page__order-shortcuts">
          {ORDER_SHORTCUTS.map((tab) => (
            <Text
              key={tab}
              className={`order-shortcut order-shortcut--${tab}`}
              onClick={() => Taro.navigateTo({ url: orderListUrl(tab) })}
            >
              {ORDER_TAB_LABELS[tab]}
            </Text>
          ))}
        </View>
      </View>

      <Cell.Group className="mine-page__actions">
        <Cell
          className="my-coupons-entry"
          title="我的优惠券"
          clickable
          onClick={() => Taro.navigateTo({ url: routes.myCoupons })}
          extra={
            <Text
              className="coupon-center-entry"
              onClick={(event) => {
                event.stopPropagation();
                Taro.navigateTo({ url: routes.couponCenter });
              }}
            >
              领券中心 ›
            </Text>
          }
        />
        <Cell
          className="address-book-entry"
          title="收货地址"
          clickable
          onClick={() => Taro.navigateTo({ url: routes.addressList })}
        />
        <Cell
          className="edit-profile-entry"
          title="编辑资料"
          description="头像、昵称"
          clickable
          onClick={() => Taro.navigateTo({ url: routes.profileEdit })}
        />
        <Cell
          title="绑定手机号"
          description={profile.phoneMasked ?? '用于接收订单通知'}
          extra={
            <platform.PhoneCodeButton onCode={bindPhoneWithCode}>
              {profile.phoneMasked ? '更换' : '去绑定'}
            </platform.PhoneCodeButton>
          }
        />
      </Cell.Group>

      <Button className="logout-button" fill="none" block onClick={() => session.signOut()}>
        退出登录
      </Button>
    </View>
  );
}
