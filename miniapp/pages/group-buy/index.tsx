import Taro, { useReachBottom } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { GroupBuyOffer } from '@shared/api/group-buy';
import { formatYuan } from '@shared/money';
import { listGroupBuyOffers } from '@/services/group-buy';
import { assetUrl } from '@/services/api-origin';
import { usePagedList } from '@/hooks/usePagedList';
import { usePullDownReload } from '@/hooks/usePageReload';
import { PageState } from '@/components/page-state/PageState';
import { PriceText } from '@/components/price-text/PriceText';
import { FeedFooter } from '@/components/product-card/FeedFooter';
import { groupSaving, teamSizeLabel } from '@/group-buy/group-buy-view';
import { productDetailUrl } from '@/routes';
import '@/group-buy/group-buy.scss';
import './index.scss';

const PAGE_SIZE = 10;

/** 拼团专区: the running campaigns, each product at its group price against the list price. */
export default function GroupBuyZonePage() {
  const list = usePagedList('offers', (page) => listGroupBuyOffers(page, PAGE_SIZE), (offer) => offer.campaignId);
  usePullDownReload(list.refresh);
  useReachBottom(() => list.loadMore());

  return (
    <View className="group-buy-zone">
      {list.status === 'loading' && <PageState status="loading" />}
      {list.status === 'error' && <PageState status="error" text={list.error ?? '加载失败'} onRetry={list.retry} />}
      {list.status === 'ready' && list.items.length === 0 && <PageState status="empty" text="暂时没有拼团活动，过几天再来看看" />}
      {list.status === 'ready' && list.items.map((offer) => <OfferCard key={offer.campaignId} offer={offer} />)}
      {list.status === 'ready' && list.items.length > 0 && (
        <FeedFooter loadingMore={list.loadingMore} loadMoreFailed={list.loadMoreFailed} hasMore={list.hasMore} onRetry={list.loadMore} />
      )}
    </View>
  );
}

function OfferCard({ offer }: { offer: GroupBuyOffer }) {
  const saving = groupSaving(offer);
  const open = () => Taro.navigateTo({ url: productDetailUrl(offer.productId) });
  return (
    <View className="offer-card group-buy-offer" data-campaign-id={offer.campaignId} onClick={open}>
      {offer.productImage ? (
        <Image className="offer-card__image" src={assetUrl(offer.productImage)} mode="aspectFill" />
      ) : (
        <View className="offer-card__image" />
      )}
      <View className="offer-card__body">
        <Text className="offer-card__title gb-product-title">{offer.productTitle}</Text>
        <View className="offer-card__meta">
          <Text className="gb-tag">{teamSizeLabel(offer.teamSize)}</Text>
          {saving > 0 && <Text className="offer-card__saving">省{formatYuan(saving)}</Text>}
          <Text className="offer-card__succeeded">已成团 {offer.teamsSucceeded}</Text>
        </View>
        <View className="offer-card__foot">
          <View className="offer-card__prices">
            <PriceText className="offer-card__price" fen={offer.groupPriceFen} size="large" />
            <PriceText fen={offer.listPriceFen} original />
          </View>
          <Button className="offer-card__go" size="small" type="primary">
            去拼团
          </Button>
        </View>
      </View>
    </View>
  );
}
