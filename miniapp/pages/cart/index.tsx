import Taro, { useDidShow } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Checkbox, InputNumber } from '@nutui/nutui-react-taro';
import { CART_MAX_QUANTITY, CART_UNAVAILABLE_REASON_LABELS, type CartItem, type CartResponse } from '@shared/api/cart';
import { fetchCart, removeCartItem, selectAllCartItems, updateCartItem } from '@/services/cart';
import { assetUrl } from '@/services/api-origin';
import { useSession } from '@/store/session';
import { checkoutUrl, productDetailUrl, routes } from '@/routes';
import { PageState } from '@/components/page-state/PageState';
import { PendingState } from '@/components/page-state/PendingState';
import { useLoadable } from '@/hooks/useLoadable';
import { usePullDownReload } from '@/hooks/usePageReload';
import { PriceText } from '@/components/price-text/PriceText';
import { LoginPrompt } from '@/components/login-prompt/LoginPrompt';
import { cartLiveNote } from '@/live/live-sku-price';
import { useLiveFeatured } from '@/live/useLiveFeatured';
import { checkoutButtonText, checkoutItems, hasBuyableLine, isAllSelected, priceChangeNote, shippingHint } from './cart-view';
import './index.scss';
import { useCartBadge } from '@/store/cart-badge';

export default function CartPage() {
  useCartBadge();
  const { token } = useSession();
  // Lines of SKUs a live sells at its 直播专享价 say so (the cart itself keeps list prices; checkout applies it).
  const featured = useLiveFeatured();
  // A failed refresh keeps the cart on screen; only a first load shows the error block.
  const { state, setState, reload: load, retry } = useLoadable(fetchCart);

  // Stock and prices change while the shopper is elsewhere: reload on every visit.
  useDidShow(() => {
    if (token) load();
  });

  usePullDownReload(async () => {
    if (token) await load();
  });

  /** Runs a cart change; the answer is the whole cart. Errors were toasted by the request wrapper. */
  const change = async (call: Promise<CartResponse>) => {
    try {
      setState({ status: 'ready', data: await call });
    } catch {
      load();
    }
  };

  const confirmRemove = async (item: CartItem) => {
    const { confirm } = await Taro.showModal({ title: '删除商品', content: `确定从购物车删除「${item.title}」吗？` });
    if (confirm) change(removeCartItem(item.id));
  };

  if (!token) return <LoginPrompt text="登录后查看购物车" />;
  if (state.status !== 'ready') return <PendingState state={state} onRetry={retry} />;

  const cart = state.data;
  if (cart.items.length === 0) {
    return (
      <View className="cart-page cart-page--empty">
        <PageState status="empty" text="购物车还是空的" />
        <Button className="cart-page__go-shopping" type="primary" size="small" onClick={() => Taro.switchTab({ url: routes.home })}>
          去逛逛
        </Button>
      </View>
    );
  }

  const allSelected = isAllSelected(cart.items);
  const hint = shippingHint(cart.selectedSubtotalFen, cart.shippingRule);
  const toCheckout = checkoutItems(cart.items);

  return (
    <View className="cart-page">
      {cart.items.map((item) => {
        const unavailable = item.unavailableReason !== null;
        const priceNote = priceChangeNote(item);
        const liveNote = cartLiveNote(featured, item);
        return (
          <View key={item.id} className={`cart-line${unavailable ? ' cart-line--unavailable' : ''}`} data-sku-id={item.skuId}>
            <Checkbox
              className="cart-line__check"
              checked={item.selected && !unavailable}
              disabled={unavailable}
              onChange={(checked) => change(updateCartItem(item.id, { selected: checked }))}
            />
            <Image
              className="cart-line__image"
              src={assetUrl(item.imageUrl)}
              mode="aspectFill"
              onClick={() => Taro.navigateTo({ url: productDetailUrl(item.productId) })}
            />
            <View className="cart-line__body">
              <Text className="cart-line__title">{item.title}</Text>
              <Text className="cart-line__spec">{item.specValues.join(' / ')}</Text>
              {unavailable && (
                <Text className="cart-line__reason">{CART_UNAVAILABLE_REASON_LABELS[item.unavailableReason!]}</Text>
              )}
              {priceNote && <Text className="cart-line__price-note">{priceNote}</Text>}
              {liveNote && <Text className="cart-line__live-note cart-live-note">{liveNote}</Text>}
              <View className="cart-line__footer">
                <PriceText fen={item.priceFen} />
                <InputNumber
                  className="cart-line__quantity"
                  value={item.quantity}
                  min={1}
                  max={Math.max(1, Math.min(CART_MAX_QUANTITY, item.stock))}
                  disabled={unavailable}
                  onChange={(value) => {
                    const quantity = Number(value);
                    if (quantity !== item.quantity) change(updateCartItem(item.id, { quantity }));
                  }}
                />
              </View>
            </View>
            <Text className="cart-line__remove" onClick={() => confirmRemove(item)}>
              删除
            </Text>
          </View>
        );
      })}

      <View className={`cart-bar${process.env.TARO_ENV === 'h5' ? ' cart-bar--above-h5-tabbar' : ''}`}>
        <Checkbox className="cart-bar__all select-all" checked={allSelected} disabled={!hasBuyableLine(cart.items)} onChange={(checked) => change(selectAllCartItems(checked))}>
          全选
        </Checkbox>
        <View className="cart-bar__total">
          <View>
            <Text>合计：</Text>
            <PriceText className="cart-total" fen={cart.selectedSubtotalFen} size="large" />
          </View>
          {hint && <Text className="cart-bar__hint">{hint}</Text>}
        </View>
        <Button
          className="checkout-button"
          type="primary"
          disabled={toCheckout.length === 0}
          onClick={() => Taro.navigateTo({ url: checkoutUrl(toCheckout, true) })}
        >
          {checkoutButtonText(cart)}
        </Button>
      </View>
    </View>
  );
}
