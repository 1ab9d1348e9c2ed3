import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import { Button, Cell, Tag } from '@nutui/nutui-react-taro';
import type { ProductDetail } from '@shared/api/catalog';
import type { GroupBuyOffer, GroupBuyProductOffer } from '@shared/api/group-buy';
import { formatYuan } from '@shared/money';
import { SHARE_LINK_PAGES } from '@shared/api/attribution';
import { ErrorCode } from '@shared/errors';
import { fetchProduct } from '@/services/catalog';
import { productIdOfPage } from '@/services/share-links';
import { assetUrl } from '@/services/api-origin';
import { ApiRequestError } from '@/services/request';
import { addCartItem } from '@/services/cart';
import { fetchProductGroupBuy } from '@/services/group-buy';
import { groupBuyProduct, leaderPrice, memberUnitCap } from '@/group-buy/group-buy-view';
import { session } from '@/store/session';
import { useMemberActions } from '@/hooks/useMemberActions';
import { usePageShare } from '@/hooks/usePageShare';
import { PosterSheet } from '@/components/poster/PosterSheet';
import platform from '@/platform';
import { checkoutUrl, groupBuyCheckoutUrl, liveSessionUrl, routes } from '@/routes';
import { PageState } from '@/components/page-state/PageState';
import { PriceText } from '@/components/price-text/PriceText';
import { PrivacyConsentDialog } from '@/components/privacy-consent/PrivacyConsentDialog';
import { SkuPicker, type SkuChoice } from './SkuPicker';
import { ProductCoupons } from './ProductCoupons';
import { GroupBuyBlock } from './GroupBuyBlock';
import { CustomerService } from '@/components/customer-service/CustomerService';
import { choiceSummary } from './sku-selection';
import { LiveProductStrip } from '@/live/LiveBadge';
import { liveBadgeOf } from '@/live/live-view';
import { useLiveFeatured } from '@/live/useLiveFeatured';
import { liveSkuPrices } from '@/live/live-sku-price';
import { captureLivePageOpen } from '@/live/live-inbound';
import { recordLiveClick } from '@/services/live';
import './index.scss';

type DetailState =
  | { status: 'loading' }
  | { status: 'gone' }
  | { status: 'error'; message: string }
  | { status: 'ready'; product: ProductDetail };

export default function ProductDetailPage() {
  // A scanned mini-program code opens this page with only a scene (the share link of the product).
  const params = useRouter().params;
  const { id, scene } = params;
  const [state, setState] = useState<DetailState>({ status: 'loading' });
  // The picker opens for 加入购物车, 立即购买 (单独购买) or 发起拼团; its 确定 then does that.
  const [pickerPurpose, setPickerPurpose] = useState<Purpose | null>(null);
  // The product's running 拼团 and its joinable teams; null while unknown or when there is none.
  const [groupBuy, setGroupBuy] = useState<GroupBuyProductOffer | null>(null);
  const offer = groupBuy?.offer ?? null;
  const [choice, setChoice] = useState<SkuChoice | null>(null);
  const [posterOpen, setPosterOpen] = useState(false);
  // 朋友圈单页模式: read-only (no login there), WeChat offers 前往小程序.
  const preview = platform.isMomentsPreview();

  const { login } = useMemberActions();
  // 直播中 / 直播预告 when a live session features the product (a tap opens the session).
  const featured = useLiveFeatured();

  // A 小程序直播 room sent the viewer here: its custom_params name the session (and the sharer).
  useEffect(() => {
    captureLivePageOpen(params);
  }, []);

  /**
   * 加入购物车 / 立即购买 with the confirmed choice. A guest signs in right here (the one sign-in of 我的) and
   * the action goes on by itself; if they back out of signing in, the choice stays shown (已选) for later.
   */
  const act = async (purpose: Purpose, confirmed: SkuChoice) => {
    setChoice(confirmed);
    setPickerPurpose(null);
    if (!session.get().token && !(await login())) return;
    const item = { skuId: confirmed.sku.id, quantity: confirmed.quantity };
    if (purpose === 'group' && offer) {
      Taro.navigateTo({ url: groupBuyCheckoutUrl(item, { campaignId: offer.campaignId, teamId: null }) });
      return;
    }
    if (purpose === 'buy') {
      Taro.navigateTo({ url: checkoutUrl([item], false) });
      return;
    }
    try {
      await addCartItem(item);
      Taro.showToast({ title: '已加入购物车', icon: 'success' });
    } catch {
      // The request wrapper toasted why (off shelf, out of stock, cart full).
    }
  };

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const productId = await productIdOfPage(id, scene);
      if (productId === null) {
        setState({ status: 'gone' });
        return;
      }
      const product = await fetchProduct(productId);
      setState({ status: 'ready', product });
      // The 拼团 part is extra: without it (none running, or it failed to load) the page sells as usual.
      fetchProductGroupBuy(productId).then(setGroupBuy, () => setGroupBuy(null));
      Taro.setNavigationBarTitle({ title: product.title });
    } catch (error) {
      const notFound = error instanceof ApiRequestError && (error.status === 404 || error.code === ErrorCode.PRODUCT_NOT_FOUND);
      setState(notFound ? { status: 'gone' } : { status: 'error', message: (error as Error).message });
    }
  }, [id, scene]);

  useEffect(() => {
    load();
  }, [load]);

  const shared = state.status === 'ready' ? state.product : null;
  usePageShare(
    shared && {
      page: SHARE_LINK_PAGES.product,
      query: { id: shared.id },
      link: { kind: 'product', targetId: shared.id },
      title: shared.title,
      imageUrl: assetUrl(shared.coverUrl),
    },
  );

  /** 海报 is the member's own (their link, their name): a guest signs in first. */
  const openPoster = async () => {
    if (!session.get().token && !(await login())) return;
    setPosterOpen(true);
  };

  if (state.status === 'loading') return <PageState status="loading" />;
  if (state.status === 'error') return <PageState status="error" text={state.message} onRetry={load} />;
  if (state.status === 'gone') {
    return (
      <View className="detail-page detail-page--gone">
        <PageState status="empty" text="商品不存在或已下架" />
        <Button type="primary" size="small" onClick={() => Taro.switchTab({ url: routes.home })}>
          去首页逛逛
        </Button>
      </View>
    );
  }

  const { product } = state;
  const images = product.images.length ? product.images : [product.coverUrl];
  const liveBadge = liveBadgeOf(featured, product.id);

  return (
    <View className="detail-page">
      <Swiper className="detail-page__gallery product-gallery" circular indicatorDots indicatorActiveColor="#fa2c19">
        {images.map((url) => (
          <SwiperItem key={url}>
            <Image className="detail-page__gallery-image" src={assetUrl(url)} mode="aspectFill" />
          </SwiperItem>
        ))}
      </Swiper>

      <View className="detail-page__info">
        <View className="detail-page__price-row">
          <View>
            <PriceText className="product-price" fen={product.minPriceFen} size="large" from={product.priceVaries} />
            {product.originalPriceFen !== null && product.originalPriceFen > product.minPriceFen && (
              <PriceText className="product-original-price" fen={product.originalPriceFen} original />
            )}
          </View>
          <Text className="detail-page__sales">{product.inStock ? `已售 ${product.salesCount}` : '已售罄'}</Text>
        </View>
        <Text className="detail-page__title product-title">{product.title}</Text>
        {product.subtitle && <Text className="detail-page__subtitle">{product.subtitle}</Text>}
        {product.tags.length > 0 && (
          <View className="detail-page__tags">
            {product.tags.map((tag) => (
              <Tag key={tag} type="danger" plain>
                {tag}
              </Tag>
            ))}
          </View>
        )}
      </View>

      {liveBadge && (
        <LiveProductStrip
          badge={liveBadge}
          onOpen={() => {
            recordLiveClick(liveBadge.sessionId, 'product');
            Taro.navigateTo({ url: liveSessionUrl(liveBadge.sessionId) });
          }}
        />
      )}

      {offer && <GroupBuyBlock offer={offer} openTeams={groupBuy?.openTeams ?? []} />}

      <ProductCoupons productId={product.id} />

      {!preview && <Cell className="detail-page__share poster-entry" title="分享给朋友" extra="生成海报" clickable onClick={openPoster} />}

      <Cell
        className="detail-page__choice sku-choice"
        title={choice ? `已选：${choiceSummary(choice.sku, choice.quantity)}` : '请选择规格'}
        extra={product.inStock ? '选择' : '已售罄'}
        clickable
        onClick={() => setPickerPurpose('cart')}
      />

      <View className="detail-page__content">
        <Text className="detail-page__content-title">商品详情</Text>
        {product.detail.length === 0 && <Text className="detail-page__paragraph">暂无详情介绍</Text>}
        {product.detail.map((block, index) =>
          block.type === 'text' ? (
            <Text key={index} className="detail-page__paragraph">
              {block.text}
            </Text>
          ) : (
            <Image key={index} className="detail-page__detail-image" src={assetUrl(block.url)} mode="widthFix" />
          ),
        )}
      </View>

      <CustomerService />

      {preview ? (
        // Opened from Moments: WeChat's own 前往小程序 bar is where buying starts.
        <View className="detail-page__bar detail-page__bar--preview">
          <Text className="detail-page__preview-hint">点击下方「前往小程序」即可购买</Text>
        </View>
      ) : (
        <View className="detail-page__bar">
          <Button className="cart-entry" fill="none" onClick={() => Taro.switchTab({ url: routes.cart })}>
            购物车
          </Button>
          {offer ? (
            <GroupBuyButtons product={product} offer={offer} onPick={setPickerPurpose} />
          ) : (
            <>
              <Button className="add-to-cart-button" type="warning" disabled={!product.inStock} onClick={() => setPickerPurpose('cart')}>
                加入购物车
              </Button>
              <Button className="buy-now-button" type="primary" disabled={!product.inStock} onClick={() => setPickerPurpose('buy')}>
                {product.inStock ? '立即购买' : '已售罄'}
              </Button>
            </>
          )}
        </View>
      )}

      <SkuPicker
        // The 拼团 picker shows the campaign's SKUs at the leader's price, capped at the units one member may buy.
        key={pickerPurpose === 'group' ? 'group' : 'list'}
        product={pickerPurpose === 'group' && offer ? groupBuyProduct(product, offer, true) : product}
        perMemberCap={pickerPurpose === 'group' && offer ? memberUnitCap(offer) : undefined}
        priceLabel={pickerPurpose === 'group' && offer ? leaderPrice(offer).label : undefined}
        // Bought alone, a SKU a live sells at its 直播专享价 shows that price (checkout applies it while the live lasts).
        livePrices={pickerPurpose === 'group' ? undefined : liveSkuPrices(featured, product.id)}
        visible={pickerPurpose !== null}
        confirmText={pickerPurpose ? PURPOSE_LABELS[pickerPurpose] : ''}
        onClose={() => setPickerPurpose(null)}
        onConfirm={(confirmed) => pickerPurpose && act(pickerPurpose, confirmed)}
      />

      <PosterSheet kind="product" targetId={product.id} visible={posterOpen} onClose={() => setPosterOpen(false)} />

      {/* A guest's 加入购物车 / 立即购买 / 领取 signs in here, and the login asks for consent first. */}
      <PrivacyConsentDialog />
    </View>
  );
}

type Purpose = 'cart' | 'buy' | 'group';

const PURPOSE_LABELS: Record<Purpose, string> = { cart: '加入购物车', buy: '立即购买', group: '发起拼团' };

/** 单独购买 at the list price and 发起拼团 at the 拼团 price (团长价 when the campaign sets one), side by side. */
function GroupBuyButtons({ product, offer, onPick }: { product: ProductDetail; offer: GroupBuyOffer; onPick(purpose: Purpose): void }) {
  const start = leaderPrice(offer);
  if (!product.inStock) {
    return (
      <Button className="buy-now-button" type="primary" disabled>
        已售罄
      </Button>
    );
  }
  return (
    <>
      <Button className="buy-now-button group-price-button" type="warning" onClick={() => onPick('buy')}>
        <View className="group-price-button__content">
          <Text className="group-price-button__price">{formatYuan(offer.listPriceFen)}</Text>
          <Text>单独购买</Text>
        </View>
      </Button>
      <Button className="start-team-button group-price-button" type="primary" onClick={() => onPick('group')}>
        <View className="group-price-button__content">
          <Text className="group-price-button__price">{formatYuan(start.fen)}</Text>
          <Text>发起拼团{start.label === '团长价' ? '（团长价）' : ''}</Text>
        </View>
      </Button>
    </>
  );
}
