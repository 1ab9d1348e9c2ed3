import platform from '@/platform';
import { fetchSubscribeTemplates, saveSubscribeAnswers } from './subscriptions';
import { noticesToAsk } from './subscribe-notices';
import { fetchOrder, startPayment } from './orders';
import type { OrderDetail } from '@shared/api/orders';

/**
 * Asks for the order notices (paid, shipped, refund result; for a 拼团 order: team succeeded, team failed,
 * shipped) right before paying. Never fails the payment:
 * a shopper who declines, or a shop without templates, simply pays.
 * Call it first in the tap handler: WeChat only shows the subscribe sheet in answer to a tap, so the
 * templates are fetched ahead (prefetchSubscribeTemplates) and no other request runs before it.
 */
export async function askForSubscriptions(groupBuy = false): Promise<void> {
  try {
    const templates = noticesToAsk(await fetchSubscribeTemplates(), groupBuy);
    if (templates.length === 0) return;
    const answers = await platform.askSubscriptions(templates);
    if (answers.length > 0) await saveSubscribeAnswers({ answers });
  } catch {
    // Notices are a courtesy; paying goes on without them.
  }
}

export function prefetchSubscribeTemplates() {
  fetchSubscribeTemplates().catch(() => {});
}

/** Starts WeChat Pay for a pending order and hands it to the platform (payment sheet or cashier page). */
export async function payOrder(orderNo: string) {
  const payment = await startPayment(orderNo);
  return platform.pay(payment);
}

const POLL_INTERVAL_MS = 1000;
const POLL_ATTEMPTS = 10;

/**
 * After the payment sheet closes, the order turns paid only when WeChat Pay's notification reaches the
 * server, usually within a second or two: re-read it briefly until it leaves 待付款.
 */
export async function waitForPayment(orderNo: string): Promise<OrderDetail> {
  let order = await fetchOrder(orderNo);
  for (let attempt = 1; attempt < POLL_ATTEMPTS && order.status === 'pending_payment'; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    order = await fetchOrder(orderNo);
  }
  return order;
}
