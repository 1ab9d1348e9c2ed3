import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { Setting } from '@nutui/icons-react-taro';
import { fetchMe } from '@/services/members';
import { fetchMineSummary } from '@/services/mine';
import { confirmMemberConsent } from '@/services/privacy-consent';
import { useShopProfile } from '@/services/shop';
import { assetUrl } from '@/services/api-origin';
import { session, useSession } from '@/store/session';
import platform from '@/platform';
import { routes } from '@/routes';
import { useMemberActions } from '@/hooks/useMemberActions';
import { useLoadable } from '@/hooks/useLoadable';
import { usePullDownReload, useReloadOnReturn } from '@/hooks/usePageReload';
import { PageState } from '@/components/page-state/PageState';
import { CustomerService } from '@/components/customer-service/CustomerService';
import { PrivacyConsentDialog } from '@/components/privacy-consent/PrivacyConsentDialog';
import { PosterSheet } from '@/components/poster/PosterSheet';
import { MembershipEntry } from './MembershipEntry';
import { OrderShortcuts } from './OrderShortcuts';
import { PromoterEntry } from './PromoterEntry';
import { InviteEntry } from './InviteEntry';
import { EntryWithSideLink } from './EntryWithSideLink';
import './index.scss';
import { useCartBadge } from '@/store/cart-badge';

export default function MinePage() {
  useCartBadge();
  const { token, profile } = useSession();
  const { login, loggingIn, bindPhoneWithCode } = useMemberActions();
  const { shopName } = useShopProfile();
  const [posterOpen, setPosterOpen] = useState(false);
  const loadProfile = useCallback(async () => {
    if (!session.get().token) return null;
    const loaded = await fetchMe();
    session.setProfile(loaded);
    // A policy published since the member agreed is put to them again (the dialog below).
    confirmMemberConsent();
    return loaded;
  }, []);
  const profileLoad = useLoadable(token ? loadProfile : null);
  const summary = useLoadable(token ? fetchMineSummary : null);
  const { reload: reloadProfile } = profileLoad;
  const { reload: reloadSummary } = summary;

  const reloadAll = useCallback(() => Promise.all([reloadProfile(), reloadSummary()]), [reloadProfile, reloadSummary]);

  // On opening and on signing in here; then on every return: the profile may have been edited, orders paid
  // or coupons used elsewhere.
  useEffect(() => {
    if (token) reloadAll();
  }, [token, reloadAll]);
  useReloadOnReturn(reloadAll);
  usePullDownReload(async () => {
    if (session.get().token) await reloadAll();
  });

  if (!token) {
    return (
      <View className="mine-page mine-page--guest">
        <View className="mine-page__welcome">
          <Text className="mine-page__welcome-title">欢迎来到{shopName}</Text>
          <Text className="mine-page__welcome-text">登录后可保存资料、绑定手机号，享受会员服务</Text>
        </View>
        <Button className="login-button" type="primary" block loading={loggingIn} onClick={login}>
          微信一键登录
        </Button>
        <View className="mine-page__legal">
          <Text>登录前请阅读</Text>
          <Text className="mine-page__legal-link" onClick={() => Taro.navigateTo({ url: routes.userAgreement })}>
            《用户协议》
          </Text>
          <Text>和</Text>
          <Text className="mine-page__legal-link" onClick={() => Taro.navigateTo({ url: routes.privacyPolicy })}>
            《隐私政策》
          </Text>
        </View>
        <CustomerService />
        <PrivacyConsentDialog />
      </View>
    );
  }

  if (!profile) {
    return profileLoad.state.status === 'error' ? (
      <PageState status="error" text={profileLoad.state.message} onRetry={profileLoad.retry} />
    ) : (
      <PageState status="loading" />
    );
  }

  const counts = summary.state.status === 'ready' ? summary.state.data : null;
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
        <View className="mine-page__settings settings-entry" onClick={() => Taro.navigateTo({ url: routes.settings })}>
          <Setting size={22} color="#fff" />
        </View>
      </View>

      <MembershipEntry />

      <OrderShortcuts counts={counts?.orderCounts ?? null} />
      {summary.state.status === 'error' && (
        <Text className="mine-page__summary-error" onClick={summary.retry}>
          订单和优惠券数量加载失败，点此重试
        </Text>
      )}

      <Cell.Group className="mine-page__actions">
        <EntryWithSideLink
          className="my-coupons-entry"
          title="我的优惠券"
          description={counts ? `${counts.unusedCoupons} 张待使用` : undefined}
          url={routes.myCoupons}
          side={{ className: 'coupon-center-entry', text: '领券中心 ›', url: routes.couponCenter }}
        />
        <EntryWithSideLink
          className="my-group-buy-entry"
          title="我的拼团"
          description="拼团进度、邀请好友参团"
          url={routes.myGroupBuyTeams}
          side={{ className: 'group-buy-zone-entry', text: '拼团专区 ›', url: routes.groupBuyZone }}
        />
        <InviteEntry />
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

      <PromoterEntry />

      <Cell.Group className="mine-page__actions">
        <Cell className="shop-poster-entry" title="店铺海报" description="把店铺推荐给朋友" clickable onClick={() => setPosterOpen(true)} />
      </Cell.Group>

      <CustomerService />

      <Cell.Group className="mine-page__actions">
        <Cell
          className="settings-cell"
          title="设置"
          description="用户协议、隐私政策、退出登录"
          clickable
          onClick={() => Taro.navigateTo({ url: routes.settings })}
        />
      </Cell.Group>
      <PosterSheet kind="shop" visible={posterOpen} onClose={() => setPosterOpen(false)} />
      <PrivacyConsentDialog />
    </View>
  );
}
