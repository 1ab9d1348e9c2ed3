import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { LIVE_PROVIDER_LABELS, type ShopperLiveProduct, type ShopperLiveSession } from '@shared/api/live';
import { ErrorCode } from '@shared/errors';
import { shortIdFromScene, SHARE_QUERY_PARAM } from '@shared/scene';
import { claimLiveCoupon, fetchLiveSession, recordLiveClick } from '@/services/live';
import { memberShareLink, targetIdOfPage } from '@/services/share-links';
import { assetUrl } from '@/services/api-origin';
import { session as memberSession, useSession } from '@/store/session';
import { useMemberActions } from '@/hooks/useMemberActions';
import { usePageShare } from '@/hooks/usePageShare';
import { usePullDownReload, useReloadOnReturn } from '@/hooks/usePageReload';
import { failedTargetLoad, isGone, type TargetPageState } from '@/hooks/target-page';
import platform from '@/platform';
import { PageState } from '@/components/page-state/PageState';
import { PriceText } from '@/components/price-text/PriceText';
import { PrivacyConsentDialog } from '@/components/privacy-consent/PrivacyConsentDialog';
import { canWatch, featuredPrice, liveCouponButton, reservationText, sessionTimeText, watchLabel } from '@/live/live-view';
import { offersReminder } from '@/live/live-reservation-flow';
import { useLiveReservation } from '@/live/useLiveReservation';
import { LiveCover } from '@/live/LiveCover';
import { productDetailUrl, routes } from '@/routes';
import '@/live/live.scss';
import './index.scss';

const SESSION_PAGE = routes.liveSession.slice(1);
/** The channel of the share link a member carries into a plugin room (their shares of the room name them). */
const LIVE_ROOM_CHANNEL = 'live_room';

type SessionState = TargetPageState<{ session: ShopperLiveSession }>;

/**
 * 直播详情: the session (cover, title, status, times), 观看直播, 预约 / 已预约 before it starts, the live coupon while
 * live, and the featured products in order (直播专享价 only while live). Opened from the 直播 page, the home banner, a
 * product's live strip, or a share (`?id=`, a share path's `s`, a scanned code's scene).
 */
export default function LiveSessionPage() {
  const { id, scene, [SHARE_QUERY_PARAM]: shortId } = useRouter().params;
  const { token } = useSession();
  const { login } = useMemberActions();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [claiming, setClaiming] = useState(false);
  // The member's own link of this session, for the plugin room's custom_params (read ahead: the tap must not wait).
  const [roomShortId, setRoomShortId] = useState<string | undefined>();

  const load = useCallback(async () => {
    try {
      const sessionId = await targetIdOfPage('live', id, shortIdFromScene(scene) ?? shortId);
      if (sessionId === null) {
        setState({ status: 'gone' });
        return;
      }
      const live = await fetchLiveSession(sessionId);
      setState({ status: 'ready', session: live });
      Taro.setNavigationBarTitle({ title: live.title });
    } catch (error) {
      const gone = isGone(error, ErrorCode.LIVE_SESSION_NOT_FOUND);
      setState((previous) => failedTargetLoad(previous, error, gone));
    }
  }, [id, scene, shortId]);

  // Signing in adds the member's 预约 and coupon state: read the session again.
  useEffect(() => {
    load();
  }, [load, token]);
  // Back from the live, a product or checkout: the live may have ended, the coupon been used.
  useReloadOnReturn(load);
  usePullDownReload(load);

  const live = state.status === 'ready' ? state.session : null;
  const liveId = live?.id;
  const isPluginRoom = live?.provider === 'plugin';

  useEffect(() => {
    setRoomShortId(undefined);
    if (!liveId || !isPluginRoom || !token) return;
    let alive = true;
    memberShareLink({ kind: 'live', targetId: liveId, channel: LIVE_ROOM_CHANNEL })
      ?.then((link) => alive && setRoomShortId(link.shortId))
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, [liveId, isPluginRoom, token]);

  usePageShare(
    live && {
      page: SESSION_PAGE,
      query: { id: live.id },
      link: { kind: 'live', targetId: live.id },
      title: live.status === 'live' ? `正在直播：${live.title}` : live.title,
      imageUrl: live.coverUrl ? assetUrl(live.coverUrl) : undefined,
    },
  );

  const { reserve, reserving, canAskReminder } = useLiveReservation((sessionId, reservation) =>
    setState((previous) =>
      previous.status === 'ready' && previous.session.id === sessionId ? { status: 'ready', session: { ...previous.session, reservation } } : previous,
    ),
  );

  const claim = async () => {
    if (!live?.coupon) return;
    if (!memberSession.get().token && !(await login())) return;
    setClaiming(true);
    try {
      await claimLiveCoupon(live.id);
      Taro.showToast({ title: '领取成功', icon: 'success' });
      await load();
    } catch {
      // The request wrapper toasted why (the live ended, none left, the limit reached).
      await load();
    } finally {
      setClaiming(false);
    }
  };

  if (state.status === 'loading') return <PageState status="loading" />;
  if (state.status === 'error') return <PageState status="error" text={state.message} onRetry={load} />;
  if (state.status === 'gone' || !live) {
    return (
      <View className="live-session-page live-session-page--gone">
        <PageState status="empty" text="直播不存在或已取消" />
        <Button type="primary" size="small" onClick={() => Taro.redirectTo({ url: routes.liveChannel })}>
          看看其他直播
        </Button>
      </View>
    );
  }

  const isLive = live.status === 'live';
  const { coupon, reservation } = live;
  const couponButton = coupon && liveCouponButton(coupon);

  return (
    <View className="live-session-page">
      <View className="live-session-cover">
        <LiveCover session={live} className="live-session-cover__image" withCaption />
        <Text className={`live-session-cover__status live-status live-status--${live.status}`}>
          {isLive && <Text className="live-dot" />}
          {live.statusLabel}
        </Text>
      </View>

      <View className="live-session-info">
        <Text className="live-session-info__title live-session-title">{live.title}</Text>
        <Text className="live-session-info__time live-session-time">{sessionTimeText(live)}</Text>
        <Text className="live-session-info__provider">{LIVE_PROVIDER_LABELS[live.provider]}</Text>

        <View className="live-session-info__actions">
          {canWatch(live) && (
            <platform.LiveWatchEntry
              session={live}
              shortId={roomShortId}
              label={watchLabel(live.status)}
              onTap={() => recordLiveClick(live.id, 'session')}
            />
          )}
          {live.status === 'upcoming' &&
            (reservation ? (
              <>
                <Button className="live-reserve-button live-reserve-button--done" block disabled>
                  {reservationText(reservation)}
                </Button>
                {offersReminder(reservation, canAskReminder) && (
                  <Button className="live-remind-button" type="primary" fill="outline" block loading={reserving === live.id} onClick={() => reserve(live.id, live)}>
                    开启提醒
                  </Button>
                )}
              </>
            ) : (
              <Button className="live-reserve-button" type="primary" fill="outline" block loading={reserving === live.id} onClick={() => reserve(live.id, live)}>
                预约直播
              </Button>
            ))}
        </View>
      </View>

      {coupon && couponButton && live.status !== 'ended' && (
        <View className="live-coupon" data-template-id={coupon.templateId}>
          <View className="live-coupon__body">
            <Text className="live-coupon__rule">{coupon.ruleText}</Text>
            <Text className="live-coupon__name">{coupon.name} · 直播期间可领</Text>
          </View>
          <Button
            className="live-coupon-claim-button"
            size="small"
            type="primary"
            disabled={!couponButton.enabled}
            loading={claiming}
            onClick={claim}
          >
            {couponButton.label}
          </Button>
        </View>
      )}

      <View className="live-products">
        <Text className="live-products__title">直播商品{live.products.length > 0 ? ` (${live.products.length})` : ''}</Text>
        {live.products.length === 0 && <Text className="live-products__empty">这场直播还没有上架商品</Text>}
        {live.products.map((product) => (
          <FeaturedProductRow key={product.productId} product={product} sessionLive={isLive} />
        ))}
      </View>

      <PrivacyConsentDialog />
    </View>
  );
}

function FeaturedProductRow({ product, sessionLive }: { product: ShopperLiveProduct; sessionLive: boolean }) {
  const price = featuredPrice(product, sessionLive);
  return (
    <View
      className={`live-product live-featured-product${product.soldOut ? ' live-product--sold-out' : ''}`}
      data-product-id={product.productId}
      onClick={() => Taro.navigateTo({ url: productDetailUrl(product.productId) })}
    >
      {product.image ? <Image className="live-product__image" src={assetUrl(product.image)} mode="aspectFill" /> : <View className="live-product__image" />}
      <View className="live-product__body">
        <Text className="live-product__title">{product.title}</Text>
        <View className="live-product__prices">
          {price.live && <Text className="live-price-label">直播专享价</Text>}
          <PriceText className="live-product__price" fen={price.fen} size="large" />
          {price.live && <PriceText fen={product.priceFen} original />}
        </View>
        <Text className="live-product__go">{product.soldOut ? '已售罄' : '去购买 ›'}</Text>
      </View>
    </View>
  );
}
