import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { AFTER_SALE_STATUS_LABELS, AFTER_SALE_TYPE_LABELS, afterSaleItemsText } from '@shared/api/after-sales';
import { ORDER_CANCEL_REASON_LABELS, orderStatusText, type OrderDetail } from '@shared/api/orders';
import { formatYuan } from '@shared/money';
import { fetchOrder } from '@/services/orders';
import { waitForPayment } from '@/services/pay-order';
import { assetUrl } from '@/services/api-origin';
import platform from '@/platform';
import { fullAddress } from '@/format/address';
import { formatCountdown } from '@/format/countdown';
import { formatDateTime } from '@/format/date-time';
import { PendingState } from '@/components/page-state/PendingState';
import { useLoadable } from '@/hooks/useLoadable';
import { usePullDownReload, useReloadOnReturn } from '@/hooks/usePageReload';
import { PricingRows } from '@/components/pricing-rows/PricingRows';
import { OrderLines } from '../components/OrderLines';
import { OrderActionBar } from '../components/OrderActionBar';
import { CustomerService } from '@/components/customer-service/CustomerService';
import { PrivacyConsentDialog } from '@/components/privacy-consent/PrivacyConsentDialog';
import { CopyRow } from '../components/CopyRow';
import { ReturnInfo } from '../components/ReturnInfo';
import { GroupBuyOrderCard } from '../components/GroupBuyOrderCard';
import { groupBuyTeamUrl } from '@/routes';
import { openAfterSale, useOrderActions } from '../useOrderActions';
import './index.scss';

/** 订单详情. Opened with `paying=1` (or back from H5's cashier) it waits for the payment to be confirmed. */
export default function OrderDetailPage() {
  const params = useRouter().params;
  const orderNo = params.orderNo ?? '';
  const fetchThisOrder = useCallback(() => fetchOrder(orderNo), [orderNo]);
  const { state, setState, reload: load, retry } = useLoadable(fetchThisOrder);

  /** WeChat reported the payment; the server marks the order paid when WeChat Pay's notification arrives. */
  const confirmPayment = useCallback(async () => {
    setState({ status: 'loading', text: '正在确认支付结果…' });
    try {
      const order = await waitForPayment(orderNo);
      setState({ status: 'ready', data: order });
      if (order.status === 'pending_payment') {
        Taro.showToast({ title: '暂未收到支付结果，请稍后下拉刷新', icon: 'none', duration: 3000 });
      } else if (order.groupBuyTeamId !== null) {
        // A paid 拼团 order goes on to its team: who is in, how many are missing, the invite.
        Taro.redirectTo({ url: groupBuyTeamUrl(order.groupBuyTeamId) });
      } else {
        Taro.showToast({ title: '支付成功', icon: 'success' });
      }
    } catch (error) {
      setState({ status: 'error', message: (error as Error).message });
    }
  }, [orderNo]);

  useEffect(() => {
    const returned = platform.takeReturnedPayOutcome();
    if (params.paying === '1' || returned === 'paid') {
      confirmPayment();
      return;
    }
    if (returned === 'cancelled') Taro.showToast({ title: '已取消支付', icon: 'none' });
    load();
  }, [orderNo]);

  // Back from the after-sale form: show the case.
  useReloadOnReturn(load);

  usePullDownReload(load);

  const actions = useOrderActions({
    onChanged: (order) => setState({ status: 'ready', data: order }),
    onPaid: () => confirmPayment(),
  });

  const countdown = useCountdown(state.status === 'ready' && state.data.status === 'pending_payment' ? state.data.payDeadlineAt : null, load);

  if (state.status !== 'ready') return <PendingState state={state} onRetry={retry} />;

  const order = state.data;
  return (
    <View className="order-detail-page">
      <View className="order-banner">
        <Text className="order-banner__status order-status">{orderStatusText(order)}</Text>
        <Text className="order-banner__hint">{bannerHint(order, countdown)}</Text>
      </View>

      {order.groupBuyTeamId !== null && <GroupBuyOrderCard order={order} teamId={order.groupBuyTeamId} onChanged={load} />}

      {order.shipment && (
        <View className="order-section order-shipment">
          <Text className="order-section__title">物流信息</Text>
          <Text className="order-shipment__carrier">{order.shipment.carrierName}</Text>
          <CopyRow text={order.shipment.trackingNo}>
            <Text className="order-shipment__tracking tracking-no">运单号 {order.shipment.trackingNo}</Text>
          </CopyRow>
          <Text className="order-section__muted">发货时间 {formatDateTime(order.shipment.shippedAt)}</Text>
        </View>
      )}

      <View className="order-section order-address">
        <View className="order-address__head">
          <Text>{order.address.recipientName}</Text>
          <Text>{order.address.phone}</Text>
        </View>
        <Text className="order-address__text">{fullAddress(order.address)}</Text>
      </View>

      {order.afterSale && (
        <View className="order-section order-after-sale">
          <Text className="order-section__title">
            售后 · {AFTER_SALE_TYPE_LABELS[order.afterSale.type]}
            <Text className="order-after-sale__status after-sale-status">
              {' '}
              {AFTER_SALE_STATUS_LABELS[order.afterSale.status]}
            </Text>
          </Text>
          <Text className="order-section__muted">原因：{order.afterSale.reason}</Text>
          {order.afterSale.items && <Text className="order-section__muted after-sale-items">退款商品：{afterSaleItemsText(order.afterSale.items)}</Text>}
          {order.afterSale.description && <Text className="order-section__muted">描述：{order.afterSale.description}</Text>}
          <Text className="order-after-sale__refund refund-amount">
            {order.afterSale.status === 'refunded' ? '已退款' : '退款金额'} {formatYuan(order.afterSale.refundFen)}
          </Text>
          {order.afterSale.rejectReason && (
            <Text className="order-after-sale__reject">商家拒绝：{order.afterSale.rejectReason}</Text>
          )}
          <ReturnInfo afterSale={order.afterSale} />
          {order.afterSale.type === 'return_refund' && order.afterSale.status === 'approved' && (
            <Button className="return-shipment-button" size="small" type="primary" onClick={() => openAfterSale(order.orderNo)}>
              {order.afterSale.returnShipment ? '修改退货物流' : '填写退货物流'}
            </Button>
          )}
          {order.afterSale.images.length > 0 && (
            <View className="order-after-sale__images">
              {order.afterSale.images.map((url) => (
                <Image key={url} className="order-after-sale__image" src={assetUrl(url)} mode="aspectFill" />
              ))}
            </View>
          )}
        </View>
      )}

      <View className="order-section">
        <OrderLines lines={order.lines} />
      </View>

      <Cell.Group className="order-pricing">
        <PricingRows pricing={order.pricing} options={{ adjustments: order.adjustments, paid: order.paidAt !== null, refundedFen: order.refundedFen }} />
      </Cell.Group>

      <View className="order-section order-info">
        <CopyRow text={order.orderNo}>
          <Text className="order-section__muted order-no">订单号：{order.orderNo}</Text>
        </CopyRow>
        <Text className="order-section__muted">下单时间：{formatDateTime(order.createdAt)}</Text>
        {order.paidAt && <Text className="order-section__muted">付款时间：{formatDateTime(order.paidAt)}</Text>}
        <Text className="order-section__muted">订单备注：{order.remark || '无'}</Text>
      </View>

      {order.timeline.length > 0 && (
        <View className="order-section order-timeline">
          <Text className="order-section__title">订单动态</Text>
          {[...order.timeline].reverse().map((entry) => (
            <View key={`${entry.event}-${entry.at}`} className="order-timeline__entry">
              <Text className="order-timeline__text">{entry.text}</Text>
              <Text className="order-section__muted">{formatDateTime(entry.at)}</Text>
            </View>
          ))}
        </View>
      )}

      <CustomerService />
      {/* The order's copy and photo features are privacy features on weapp: the consent dialog answers them. */}
      <PrivacyConsentDialog />

      <OrderActionBar
        className="order-detail-page__bar"
        status={order.status}
        place="detail"
        onHold={order.fulfilmentHold !== null}
        busy={actions.busy}
        onAction={(action) => actions.run(action, order.orderNo, order.groupBuyTeamId !== null)}
      />
    </View>
  );
}

function bannerHint(order: OrderDetail, countdown: string | null): string {
  switch (order.status) {
    case 'pending_payment':
      return countdown ? `请在 ${countdown} 内付款，超时订单将自动取消` : '支付时间已到，订单即将取消';
    case 'paid':
      if (order.fulfilmentHold) return '拼团成功后商家才会发货；未成团将自动全额退款';
      return order.shipReminder ? '已提醒商家尽快发货，请耐心等待' : '商家正在备货，请耐心等待';
    case 'shipped':
      return order.autoConfirmAt ? `${formatDateTime(order.autoConfirmAt)} 将自动确认收货` : '商品正在路上';
    case 'completed':
      return '交易完成，感谢您的购买';
    case 'cancelled':
      return order.cancelReason ? ORDER_CANCEL_REASON_LABELS[order.cancelReason] : '订单已取消';
    case 'after_sale':
      return afterSaleHint(order);
    case 'refunding':
      return '退款处理中，将原路退回';
    case 'refunded':
      return '退款已原路退回';
  }
}

function afterSaleHint(order: OrderDetail): string {
  const sale = order.afterSale;
  if (sale?.status === 'approved' && sale.type === 'return_refund') {
    return sale.returnShipment ? '退货已寄出，等待商家收货' : '商家已同意退货，请寄回商品并填写快递单号';
  }
  if (sale?.status === 'return_received') return '商家已收到退货，即将原路退款';
  return '售后处理中，商家会尽快处理';
}

/** Ticks the pay countdown every second; when it runs out the order is re-read (the sweep cancels it). */
function useCountdown(deadlineAt: string | null, onExpired: () => void): string | null {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!deadlineAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadlineAt]);
  const text = deadlineAt ? formatCountdown(deadlineAt, now) : null;
  const expired = deadlineAt !== null && text === null;
  useEffect(() => {
    if (expired) onExpired();
  }, [expired]);
  return text;
}
