import { useEffect } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import { Grid, NoticeBar, SearchBar } from '@nutui/nutui-react-taro';
import type { Banner } from '@shared/api/catalog';
import { fetchHome } from '@/services/catalog';
import { readShopProfile } from '@/services/shop';
import { assetUrl } from '@/services/api-origin';
import { openCategoryTab, routes, searchUrl } from '@/routes';
import { useProductFeed, type FeedQuery } from '@/hooks/useProductFeed';
import { usePageShare } from '@/hooks/usePageShare';
import { SHOP_NAME } from '@/shop';
import { PageState } from '@/components/page-state/PageState';
import { PendingState } from '@/components/page-state/PendingState';
import { useLoadable } from '@/hooks/useLoadable';
import { usePullDownReload } from '@/hooks/usePageReload';
import { ProductGrid } from '@/components/product-card/ProductCard';
import { FeedFooter } from '@/components/product-card/FeedFooter';
import { PrivacyConsentDialog } from '@/components/privacy-consent/PrivacyConsentDialog';
import './index.scss';
import { useCartBadge } from '@/store/cart-badge';
import { bannerDestination } from './banner-link';
import { LiveHomeBanner, useLiveBanner } from '@/live/LiveHomeBanner';

const FEED_QUERY: FeedQuery = { sort: 'default' };

/** Full rows: up to five entries in one row, more in two even rows. */
function gridColumns(count: number): number {
  return count <= 5 ? count : Math.ceil(count / 2);
}

function openBanner(banner: Banner) {
  const destination = bannerDestination(banner);
  if (destination?.kind === 'page') Taro.navigateTo({ url: destination.url });
  else if (destination?.kind === 'tab') Taro.switchTab({ url: destination.url });
  else if (destination?.kind === 'category') openCategoryTab(destination.categoryId);
}

export default function HomePage() {
  useCartBadge();
  const { state: homeState, reload: loadHome, retry: retryHome } = useLoadable(fetchHome);
  // The announcement is an extra: while it cannot be read the bar is simply not shown. Read afresh (not the
  // once-per-launch copy) so pull-to-refresh shows a changed announcement.
  const { state: profileState, reload: loadProfile } = useLoadable(readShopProfile);
  const feed = useProductFeed(FEED_QUERY);
  const live = useLiveBanner();
  const announcement = profileState.status === 'ready' ? profileState.data.announcement?.trim() : null;

  useEffect(() => {
    loadHome();
    loadProfile();
  }, [loadHome, loadProfile]);

  usePullDownReload(() => Promise.all([loadHome(), loadProfile(), feed.refresh(), live.reload()]));

  // The shop's name, and its first banner (else its logo) as the picture; before they load, the page itself.
  const profile = profileState.status === 'ready' ? profileState.data : null;
  const firstBanner = homeState.status === 'ready' ? homeState.data.banners[0]?.imageUrl : undefined;
  const sharePicture = firstBanner ?? profile?.logoUrl;
  usePageShare({
    page: 'pages/home/index',
    query: {},
    link: { kind: 'page' },
    title: profile?.shopName || SHOP_NAME,
    imageUrl: sharePicture ? assetUrl(sharePicture) : undefined,
  });

  useReachBottom(() => feed.loadMore());

  return (
    <View className="home-page">
      <View className="home-page__search search-entry" onClick={() => Taro.navigateTo({ url: searchUrl() })}>
        <SearchBar readOnly shape="round" placeholder="搜索好茶、茶点" />
        {/* The bar only looks like a search field here; the cover takes the tap and opens the search page. */}
        <View className="home-page__search-cover" />
      </View>

      {announcement && <NoticeBar className="home-page__announcement shop-announcement" content={announcement} wrap />}

      {live.session && <LiveHomeBanner session={live.session} />}

      {homeState.status !== 'ready' && <PendingState state={homeState} onRetry={retryHome} />}
      {homeState.status === 'ready' && (
        <>
          {homeState.data.banners.length > 0 && (
            <Swiper className="home-page__banners banner-swiper" autoplay circular indicatorDots indicatorActiveColor="#fff">
              {homeState.data.banners.map((banner) => (
                <SwiperItem key={banner.id} className="home-banner" onClick={() => openBanner(banner)}>
                  <Image className="home-page__banner-image" src={assetUrl(banner.imageUrl)} mode="aspectFill" ariaLabel={banner.title} />
                </SwiperItem>
              ))}
            </Swiper>
          )}
          {homeState.data.categories.length > 0 && (
            <Grid className="home-page__categories category-grid" columns={gridColumns(homeState.data.categories.length)}>
              {homeState.data.categories.map((category) => (
                <Grid.Item
                  key={category.id}
                  className="category-entry"
                  text={category.name}
                  onClick={() => openCategoryTab(category.id)}
                >
                  {category.icon ? (
                    <Image className="home-page__category-icon" src={assetUrl(category.icon)} mode="aspectFit" />
                  ) : (
                    <Text className="home-page__category-initial">{category.name.slice(0, 1)}</Text>
                  )}
                </Grid.Item>
              ))}
            </Grid>
          )}
        </>
      )}

      <View className="home-page__coupons coupon-center-entry" onClick={() => Taro.navigateTo({ url: routes.couponCenter })}>
        <Text className="home-page__coupons-title">领券中心</Text>
        <Text className="home-page__coupons-text">满减券、折扣券天天领</Text>
        <Text className="home-page__coupons-go">去领券 ›</Text>
      </View>

      <View className="home-page__coupons home-page__coupons--group-buy group-buy-entry" onClick={() => Taro.navigateTo({ url: routes.groupBuyZone })}>
        <Text className="home-page__coupons-title">拼团专区</Text>
        <Text className="home-page__coupons-text">好友一起拼，价格更实惠</Text>
        <Text className="home-page__coupons-go">去拼团 ›</Text>
      </View>

      <View className="home-page__coupons home-page__coupons--live live-channel-entry" onClick={() => Taro.navigateTo({ url: routes.liveChannel })}>
        <Text className="home-page__coupons-title">直播</Text>
        <Text className="home-page__coupons-text">看直播、预约开播提醒</Text>
        <Text className="home-page__coupons-go">去看看 ›</Text>
      </View>

      <Text className="home-page__section-title">为你推荐</Text>
      {feed.status === 'loading' && <PageState status="loading" />}
      {feed.status === 'error' && <PageState status="error" text={feed.error ?? '加载失败'} onRetry={feed.retry} />}
      {feed.status === 'ready' &&
        (feed.items.length === 0 ? (
          <PageState status="empty" text="店铺还没有上架商品" />
        ) : (
          <>
            <ProductGrid products={feed.items} />
            <FeedFooter
              loadingMore={feed.loadingMore}
              loadMoreFailed={feed.loadMoreFailed}
              hasMore={feed.hasMore}
              onRetry={feed.loadMore}
            />
          </>
        ))}
      {/* A signed-in member is asked here on launch when the 隐私政策 changed since they agreed. */}
      <PrivacyConsentDialog />
    </View>
  );
}
