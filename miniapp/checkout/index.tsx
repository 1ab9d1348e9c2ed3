import { useEffect, useMemo, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Image, Text, Textarea, View } from '@tarojs/components';
import { Button, Cell, Switch } from '@nutui/nutui-react-taro';
import { CART_UNAVAILABLE_REASON_LABELS } from '@shared/api/cart';
import { ORDER_REMARK_MAX_LENGTH, type CheckoutPreview } from '@shared/api/orders';
import { formatYuan } from '@shared/money';
import { createOrder, previewCheckout } from '@/services/orders';
import { ApiRequestError } from '@/services/request';
import { assetUrl } from '@/services/api-origin';
import { parseCheckoutItems, parseGroupBuy } from '@/services/checkout-items';
import { askForSubscriptions, payOrder, prefetchSubscribeTemplates } from '@/services/pay-order';
import { addressChoice } from '@/store/address-choice';
import { fullAddress } from '@/format/address';
import { groupBuyCheckoutUrl, orderDetailUrl, routes } from '@/routes';
import { groupBuyRefusal } from '@/group-buy/group-buy-view';
import { PageState } from '@/components/page-state/PageState';
import { PendingState } from '@/components/page-state/PendingState';
import { useLoadable } from '@/hooks/useLoadable';
import { PriceText } from '@/components/price-text/PriceText';
import { PricingRows } from '@/components/pricing-rows/PricingRows';
import { newClientToken } from './client-token';
import { CouponPicker } from './CouponPicker';
import { couponCellText } from './coupon-cell';
import './index.scss';

/** 确认订单: what the server prices for the chosen SKUs and address; 提交订单 places it and starts payment. */
export default function CheckoutPage() {
  const params = useRouter().params;
  const parsed = useMemo(() => parseCheckoutItems(params.items), [params.items]);
  const items = 'items' in parsed ? parsed.items : null;
  const fromCart = params.from === 'cart';
  // 拼团: one SKU at the group price, opening a team or joining one (never from the cart).
  const groupBuy = useMemo(() => parseGroupBuy(params.groupBuy), [params.groupBuy]);
  const [clientToken] = useState(newClientToken);
  const [addressId, setAddressId] = useState<number | undefined>(undefined);
  const [remark, setRemark] = useState('');
  const [submitting, setSubmitting] = useState(false);
  // undefined: the server picks the best usable coupon and applies points; the shopper may change either.
  const [couponChoice, setCouponChoice] = useState<number | null | undefined>(undefined);
  const [usePoints, setUsePoints] = useState<boolean | undefined>(undefined);
  const [pickingCoupon, setPickingCoupon] = useState(false);

  const fetchPreview = useMemo(
    () =>
      items
        ? () =>
            previewCheckout({ items, addressId, memberCouponId: couponChoice, usePoints, groupBuy }).catch((error: ApiRequestError) => {
              // The chosen coupon stopped applying (used elsewhere, changed): say so and go back to the best one.
              if (couponChoice !== undefined && error.code?.startsWith('COUPON_')) {
                Taro.showToast({ title: error.message, icon: 'none' });
                setCouponChoice(undefined);
              }
              throw error;
            })
        : null,
    [items, addressId, couponChoice, usePoints, groupBuy],
  );
  const { state, reload: load, retry } = useLoadable(fetchPreview, { keepDataOnError: false });

  useEffect(() => {
    load();
  }, [load]);

  useEffect(prefetchSubscribeTemplates, []);

  // Back from the address book with an address picked or added.
  useDidShow(() => {
    const picked = addressChoice.take();
    if (picked) setAddressId(picked.id);
    else if (state.status === 'ready' && !state.data.address) load(); // an address may have been added
  });

  const submit = async (preview: CheckoutPreview) => {
    if (submitting || !items || !preview.address) return;
    setSubmitting(true);
    try {
      await askForSubscriptions(groupBuy !== undefined);
      const order = await createOrder({
        clientToken,
        items,
        addressId: preview.address.id,
        remark: remark.trim(),
        fromCart,
        // Exactly what the shopper saw: the selected coupon and the points switch.
        memberCouponId: preview.selectedMemberCouponId,
        usePoints: preview.points.applied,
        // The amount shown: a price changed meanwhile is a 409 PRICE_CHANGED (toasted, the page then shows the new one).
        expectedPayableFen: preview.pricing.payableFen,
        groupBuy,
      });
      // The order exists from here on: whatever happens with payment, the shopper continues on its page.
      const outcome = await payOrder(order.orderNo).catch((error: Error) => {
        Taro.showToast({ title: error.message, icon: 'none' });
        return 'cancelled' as const;
      });
      if (outcome === 'left') return; // the cashier page comes back to the order detail
      // A paid 拼团 order goes on to its team page once the order detail has confirmed the payment.
      Taro.redirectTo({ url: `${orderDetailUrl(order.orderNo)}${outcome === 'paid' ? '&paying=1' : ''}` });
    } catch (error) {
      // A team that filled up or closed meanwhile: offer a team of the shopper's own.
      const refusal = error instanceof ApiRequestError ? groupBuyRefusal(error.code, error.message) : null;
      if (refusal?.offerNewTeam) await offerNewTeam(refusal.message);
      // Placement failed (toasted by the request wrapper, e.g. 库存不足): show what changed.
      load();
    } finally {
      setSubmitting(false);
    }
  };

  /** Checkout again for the same SKU, opening a new team. */
  const startNewTeam = () => {
    if (items && groupBuy) Taro.redirectTo({ url: groupBuyCheckoutUrl(items[0], { campaignId: groupBuy.campaignId, teamId: null }) });
  };

  const offerNewTeam = async (message: string) => {
    const { confirm } = await Taro.showModal({ title: '无法参团', content: message, confirmText: '发起新团', cancelText: '再看看' });
    if (confirm) startNewTeam();
  };

  if ('problem' in parsed) return <PageState status="empty" text={parsed.problem} />;
  if (state.status === 'error' && groupBuy) {
    // The preview itself refused the team (filled up or closed since the team page was opened).
    const refusal = groupBuyRefusal(state.code, state.message);
    if (refusal) {
      return (
        <View className="checkout-page checkout-page--refused">
          <PageState status="empty" text={refusal.message} />
          {refusal.offerNewTeam && (
            <Button className="start-new-team-button" type="primary" size="small" onClick={startNewTeam}>
              发起新团
            </Button>
          )}
        </View>
      );
    }
  }
  if (state.status !== 'ready') return <PendingState state={state} onRetry={retry} />;

  const preview = state.data;
  const { address } = preview;
  const unavailableCount = preview.lines.filter((line) => line.unavailableReason !== null).length;
  const priceChanged = preview.lines.some((line) => line.cartPriceFen !== null);
  // Refusals of the server's checkout participants (a purchase limit…), with their own messages.
  const refusals = preview.refusals ?? [];
  const refusedSkuIds = new Set(refusals.flatMap((refusal) => refusal.skuIds ?? []));
  const teamRefused = refusals.some((refusal) => groupBuyRefusal(refusal.code, refusal.message)?.offerNewTeam);
  // A 拼团 whose campaign allows no coupons or points: the preview offers none, so the rows are left out.
  const showCoupons = !groupBuy || preview.coupons.length > 0 || preview.selectedMemberCouponId !== null;
  const showPoints = !groupBuy || preview.points.availableDiscountFen > 0 || preview.points.applied;

  return (
    <View className="checkout-page">
      {address ? (
        <View className="checkout-address" onClick={() => Taro.navigateTo({ url: `${routes.addressList}?select=1` })}>
          <View className="checkout-address__head">
            <Text className="checkout-address__name">{address.recipientName}</Text>
            <Text>{address.phone}</Text>
          </View>
          <Text className="checkout-address__text">{fullAddress(address)}</Text>
          <Text className="checkout-address__change">更换</Text>
        </View>
      ) : (
        <View
          className="checkout-address checkout-address--empty add-first-address"
          onClick={() => Taro.navigateTo({ url: `${routes.addressEdit}?select=1` })}
        >
          <Text>+ 新增收货地址</Text>
        </View>
      )}

      {unavailableCount > 0 && (
        <View className="checkout-notice checkout-notice--error">
          {unavailableCount} 件商品暂时无法购买，请返回修改后再提交
        </View>
      )}
      {refusals.map((refusal) => (
        <View key={`${refusal.code}:${refusal.skuIds?.join(',') ?? 'all'}`} className="checkout-notice checkout-notice--error">
          {refusal.message}
        </View>
      ))}
      {teamRefused && (
        <Button className="start-new-team-button checkout-notice__action" type="primary" size="small" onClick={startNewTeam}>
          发起新团
        </Button>
      )}
      {priceChanged && <View className="checkout-notice">部分商品价格有变动，以下为最新价格</View>}

      <View className="checkout-lines">
        {preview.lines.map((line) => (
          <View
            key={line.skuId}
            className={`checkout-line${line.unavailableReason || refusedSkuIds.has(line.skuId) ? ' checkout-line--unavailable' : ''}`}
          >
            <Image className="checkout-line__image" src={assetUrl(line.imageUrl)} mode="aspectFill" />
            <View className="checkout-line__body">
              <Text className="checkout-line__title">{line.title}</Text>
              <Text className="checkout-line__spec">{line.specValues.join(' / ')}</Text>
              {line.unavailableReason && (
                <Text className="checkout-line__reason">{CART_UNAVAILABLE_REASON_LABELS[line.unavailableReason]}</Text>
              )}
              {line.cartPriceFen !== null && (
                <Text className="checkout-line__price-change">
                  加入购物车时 {formatYuan(line.cartPriceFen)}，现价 {formatYuan(line.unitPriceFen)}
                </Text>
              )}
              {/* Why a special price does not reach this line, e.g. 直播价仅剩 5 件，本行 6 件按原价计. */}
              {line.priceNote && <Text className="checkout-line__price-note">{line.priceNote}</Text>}
            </View>
            <View className="checkout-line__numbers">
              {line.priceLabel && <Text className="checkout-line__price-label">{line.priceLabel}</Text>}
              <PriceText fen={line.unitPriceFen} />
              {line.memberUnitPriceFen < line.unitPriceFen && (
                <Text className="checkout-line__member-price">会员价 {formatYuan(line.memberUnitPriceFen)}</Text>
              )}
              <Text className="checkout-line__quantity">×{line.quantity}</Text>
            </View>
          </View>
        ))}
      </View>

      {(showCoupons || showPoints) && (
        <Cell.Group className="checkout-benefits">
          {showCoupons && (
            <Cell
              className="checkout-coupon-cell"
              title="优惠券"
              extra={<Text className={preview.selectedMemberCouponId ? 'checkout-benefits__saving' : ''}>{couponCellText(preview)}</Text>}
              align="center"
              clickable
              onClick={() => setPickingCoupon(true)}
            />
          )}
          {showPoints && (
            <Cell
              className="checkout-points-cell"
              title={`积分（${preview.points.balance}）`}
              description={
                preview.points.availableDiscountFen > 0
                  ? `可用积分抵扣 ${formatYuan(preview.points.availableDiscountFen)}（${preview.points.pointsPerYuan} 积分抵 1 元）`
                  : '本单暂无可用积分'
              }
              align="center"
              extra={
                <Switch
                  className="points-switch"
                  checked={preview.points.applied}
                  disabled={preview.points.availableDiscountFen === 0}
                  onChange={(checked) => setUsePoints(checked)}
                />
              }
            />
          )}
        </Cell.Group>
      )}

      <Cell.Group className="checkout-pricing">
        <PricingRows pricing={preview.pricing} options={{ adjustments: preview.adjustments }} />
      </Cell.Group>

      <View className="checkout-remark">
        <Text className="checkout-remark__label">订单备注</Text>
        <Textarea
          className="checkout-remark__input remark-input"
          value={remark}
          maxlength={ORDER_REMARK_MAX_LENGTH}
          autoHeight
          placeholder="选填，请先和商家协商一致"
          onInput={(event) => setRemark(event.detail.value)}
        />
        <Text className="checkout-remark__count">
          {remark.length}/{ORDER_REMARK_MAX_LENGTH}
        </Text>
      </View>

      <CouponPicker
        visible={pickingCoupon}
        coupons={preview.coupons}
        selectedId={preview.selectedMemberCouponId}
        onPick={(memberCouponId) => {
          setPickingCoupon(false);
          setCouponChoice(memberCouponId);
        }}
        onClose={() => setPickingCoupon(false)}
      />

      <View className="checkout-bar">
        <View className="checkout-bar__total">
          <Text>实付：</Text>
          <PriceText className="checkout-payable" fen={preview.pricing.payableFen} size="large" />
        </View>
        <Button
          className="submit-order-button"
          type="primary"
          loading={submitting}
          disabled={!preview.canSubmit}
          onClick={() => submit(preview)}
        >
          {address ? '提交订单' : '请先填写地址'}
        </Button>
      </View>
    </View>
  );
}
