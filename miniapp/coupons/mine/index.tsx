import { useState } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tabs } from '@nutui/nutui-react-taro';
import { MY_COUPON_STATUS_LABELS, MY_COUPON_STATUSES, type MyCoupon, type MyCouponStatus } from '@shared/api/coupons';
import { listMyCoupons } from '@/services/coupons';
import { useSession } from '@/store/session';
import { usePagedList } from '@/hooks/usePagedList';
import { usePullDownReload, useReloadOnReturn } from '@/hooks/usePageReload';
import { orderDetailUrl, routes } from '@/routes';
import { PageState } from '@/components/page-state/PageState';
import { FeedFooter } from '@/components/product-card/FeedFooter';
import { LoginPrompt } from '@/components/login-prompt/LoginPrompt';
import { CouponCard } from '@/components/coupon/CouponCard';
import { couponCap, couponCondition, couponFace, couponTypeBadge } from '@/components/coupon/coupon-text';
import { emptyText, heldCouponLook } from './my-coupon-card';
import './index.scss';

const PAGE_SIZE = 10;

/** 我的优惠券 with the 未使用 / 已使用 / 已过期 tabs. */
export default function MyCouponsPage() {
  const { token } = useSession();
  const [status, setStatus] = useState<MyCouponStatus>('unused');
  const list = usePagedList(
    token ? status : null,
    (page) => listMyCoupons({ status, page, pageSize: PAGE_SIZE }),
    (coupon) => coupon.id,
  );

  // Back from checkout or the coupon center, coupons may have been used or claimed.
  useReloadOnReturn(list.refresh);

  usePullDownReload(list.refresh);
  useReachBottom(() => list.loadMore());

  if (!token) return <LoginPrompt text="登录后查看优惠券" />;

  const now = new Date();
  return (
    <View className="my-coupons-page">
      <Tabs className="my-coupons-page__tabs coupon-tabs" value={status} activeType="line" onChange={(value) => setStatus(value as MyCouponStatus)}>
        {MY_COUPON_STATUSES.map((key) => (
          <Tabs.TabPane key={key} value={key} title={MY_COUPON_STATUS_LABELS[key]} />
        ))}
      </Tabs>

      {list.status === 'loading' && <PageState status="loading" />}
      {list.status === 'error' && <PageState status="error" text={list.error!} onRetry={list.retry} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <View className="my-coupons-page__empty">
          <PageState status="empty" text={emptyText(status)} />
          {status === 'unused' && (
            <Button size="small" type="primary" fill="outline" onClick={() => Taro.navigateTo({ url: routes.couponCenter })}>
              去领券中心
            </Button>
          )}
        </View>
      )}
      {list.status === 'ready' && list.items.length > 0 && (
        <View className="my-coupons-page__list">
          {list.items.map((coupon) => (
            <HeldCoupon key={coupon.id} coupon={coupon} now={now} />
          ))}
          <FeedFooter loadingMore={list.loadingMore} loadMoreFailed={list.loadMoreFailed} hasMore={list.hasMore} onRetry={list.loadMore} />
        </View>
      )}
      {list.status === 'ready' && (
        <Text className="my-coupons-page__center-link coupon-center-link" onClick={() => Taro.navigateTo({ url: routes.couponCenter })}>
          领更多好券 ›
        </Text>
      )}
    </View>
  );
}

function HeldCoupon({ coupon, now }: { coupon: MyCoupon; now: Date }) {
  const look = heldCouponLook(coupon, now);
  const cap = couponCap(coupon);
  return (
    <CouponCard
      className="my-coupon"
      face={couponFace(coupon)}
      condition={couponCondition(coupon)}
      badge={couponTypeBadge(coupon.type)}
      name={coupon.name}
      details={cap ? [coupon.scopeText, cap] : [coupon.scopeText]}
      validity={look.validity}
      flag={look.flag}
      stamp={look.stamp}
      muted={look.muted}
      note={coupon.status === 'used' && coupon.orderNo ? `用于订单 ${coupon.orderNo} ›` : undefined}
      onClick={coupon.status === 'used' && coupon.orderNo ? () => Taro.navigateTo({ url: orderDetailUrl(coupon.orderNo!) }) : undefined}
      action={
        look.usableNow ? (
          <Button className="use-coupon-button" size="small" type="primary" fill="outline" onClick={() => Taro.switchTab({ url: routes.home })}>
            去使用
          </Button>
        ) : undefined
      }
    />
  );
}
