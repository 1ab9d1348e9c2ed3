import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { fetchCouponCenter } from '@/services/coupons';
import { routes } from '@/routes';
import { PageState } from '@/components/page-state/PageState';
import { PendingState } from '@/components/page-state/PendingState';
import { ClaimableCouponCard } from '@/components/coupon/ClaimableCouponCard';
import { sortForCenter } from '@/components/coupon/coupon-claim';
import { useClaimableCoupons } from '@/components/coupon/useClaimableCoupons';
import { usePullDownReload } from '@/hooks/usePageReload';
import { usePageShare } from '@/hooks/usePageShare';
import { assetUrl } from '@/services/api-origin';
import { useShopProfile } from '@/services/shop';
import { PrivacyConsentDialog } from '@/components/privacy-consent/PrivacyConsentDialog';
import './index.scss';

/** 领券中心: every public coupon of the shop, claimable with one tap. */
export default function CouponCenterPage() {
  const { state, reload, retry, claim, claimingId } = useClaimableCoupons(fetchCouponCenter);

  usePullDownReload(reload);

  const { profile, shopName } = useShopProfile();
  usePageShare({
    page: 'coupons/center/index',
    query: {},
    link: { kind: 'page' },
    title: `${shopName} · 领券中心`,
    imageUrl: profile?.logoUrl ? assetUrl(profile.logoUrl) : undefined,
  });

  return (
    <View className="coupon-center-page">
      <View className="coupon-center-page__banner">
        <View>
          <Text className="coupon-center-page__title">领券中心</Text>
          <Text className="coupon-center-page__subtitle">好券天天领，下单自动用最优惠的那张</Text>
        </View>
        <Text className="my-coupons-link" onClick={() => Taro.navigateTo({ url: routes.myCoupons })}>
          我的优惠券 ›
        </Text>
      </View>

      {state.status !== 'ready' && <PendingState state={state} onRetry={retry} />}
      {state.status === 'ready' && state.data.length === 0 && <PageState status="empty" text="暂时没有可领取的优惠券，过几天再来看看" />}
      {state.status === 'ready' && state.data.length > 0 && (
        <View className="coupon-center-page__list">
          {sortForCenter(state.data).map((item) => (
            <ClaimableCouponCard key={item.templateId} item={item} claiming={claimingId === item.templateId} onClaim={claim} />
          ))}
        </View>
      )}

      {/* A guest's 立即领取 signs in here, and the login asks for consent first. */}
      <PrivacyConsentDialog />
    </View>
  );
}
