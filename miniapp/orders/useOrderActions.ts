import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { OrderDetail, ReorderResult } from '@shared/api/orders';
import { cancelOrder, confirmReceipt, remindToShip, reorder } from '@/services/orders';
import { ApiRequestError } from '@/services/request';
import { askForSubscriptions, payOrder } from '@/services/pay-order';
import { orderDetailUrl, routes } from '@/routes';
import { reorderSummary, type OrderAction } from './order-actions';

/**
 * What the order buttons do, shared by the list and the detail. `onChanged` gets the order's new state
 * (cancel, confirm receipt, 提醒发货); `onPaid` runs after WeChat's payment sheet reports success (the order turns paid
 * only when the server hears from WeChat Pay, so the caller polls).
 */
export function useOrderActions({ onChanged, onPaid }: { onChanged(order: OrderDetail): void; onPaid(orderNo: string): void }) {
  const [busy, setBusy] = useState<OrderAction | null>(null);

  /** `groupBuy`: a 拼团 order (its payment asks for the team's notices). */
  const run = async (action: OrderAction, orderNo: string, groupBuy = false) => {
    if (busy) return;
    if (action === 'afterSale') {
      openAfterSale(orderNo);
      return;
    }
    if (action === 'cancel' || action === 'confirmReceipt') {
      const { confirm } = await Taro.showModal(
        action === 'cancel'
          ? { title: '取消订单', content: '确定取消这个订单吗？', confirmText: '取消订单', cancelText: '再想想' }
          : { title: '确认收货', content: '请确认已收到商品，确认后订单完成', confirmText: '确认收货', cancelText: '还没有' },
      );
      if (!confirm) return;
    }
    setBusy(action);
    try {
      if (action === 'cancel') {
        onChanged(await cancelOrder(orderNo));
        Taro.showToast({ title: '订单已取消', icon: 'success' });
      } else if (action === 'confirmReceipt') {
        onChanged(await confirmReceipt(orderNo));
        Taro.showToast({ title: '已确认收货', icon: 'success' });
      } else if (action === 'remindShip') {
        onChanged(await remindToShip(orderNo));
        Taro.showToast({ title: '已提醒商家尽快发货', icon: 'none' });
      } else if (action === 'reorder') {
        await showReorderResult(await reorder(orderNo));
      } else {
        await askForSubscriptions(groupBuy);
        const outcome = await payOrder(orderNo);
        if (outcome === 'paid') onPaid(orderNo);
        if (outcome === 'cancelled') Taro.showToast({ title: '已取消支付', icon: 'none' });
      }
    } catch (error) {
      // API errors were toasted by the request wrapper; a failed payment sheet was not.
      if (!(error instanceof ApiRequestError)) Taro.showToast({ title: (error as Error).message, icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  return { run, busy };
}

/** 再来一单's outcome: straight to the cart when everything went in, else say first what did not and why. */
async function showReorderResult(result: ReorderResult) {
  const summary = reorderSummary(result);
  if ('toast' in summary) {
    Taro.showToast({ title: summary.toast, icon: 'success' });
  } else {
    await Taro.showModal({ title: summary.title, content: summary.content, showCancel: false, confirmText: summary.toCart ? '去购物车' : '知道了' });
    if (!summary.toCart) return;
  }
  Taro.switchTab({ url: routes.cart });
}

/** The after-sale page: the form to apply, or the open case's progress and return parcel. */
export function openAfterSale(orderNo: string) {
  Taro.navigateTo({ url: `${routes.afterSale}?orderNo=${encodeURIComponent(orderNo)}` });
}

export function openOrder(orderNo: string) {
  Taro.navigateTo({ url: orderDetailUrl(orderNo) });
}
