import type { PaidOrdersSince } from '@shared/api/admin-orders';
import { formatYuan } from '@shared/money';
import { App, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { fetchPaidSince } from './orders-api';

/** How often the console asks whether new orders were paid. */
export const NEW_ORDER_POLL_MS = 20_000;

/** What the 新订单 notice says for an answer with orders in it; null when nothing new was paid. */
export function newOrderNotice(answer: PaidOrdersSince): { description: string; link: string } | null {
  if (answer.count === 0 || answer.latest.length === 0) return null;
  const newest = answer.latest[0];
  const who = newest.memberNickname ?? '会员';
  const what = `${who} 付款 ${formatYuan(newest.payableFen)}：${newest.itemsText}`;
  if (answer.count === 1) return { description: what, link: `/orders/${newest.orderNo}` };
  return { description: `${answer.count} 笔新订单已付款，最新一笔：${what}`, link: '/orders?status=paid' };
}

/**
 * Polls for orders paid since the last look and shows a 新订单 notice with a link (one order: its detail; several:
 * the 待发货 list). Renders nothing. The server's `until` chains the polls, so no payment is missed or shown twice.
 */
export function NewOrderNotices() {
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const until = useRef<string | null>(null);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      // A hidden tab skips its turn; the next visible poll covers the time it missed.
      if (document.hidden && until.current) return;
      try {
        const answer = await fetchPaidSince(until.current);
        if (stopped) return;
        until.current = answer.until;
        const notice = newOrderNotice(answer);
        if (!notice) return;
        const key = `new-order-${answer.until}`;
        notification.info({
          key,
          message: '新订单',
          description: notice.description,
          placement: 'bottomRight',
          duration: 10,
          btn: (
            <Button
              type="primary"
              size="small"
              onClick={() => {
                notification.destroy(key);
                navigate(notice.link);
              }}
            >
              查看
            </Button>
          ),
        });
      } catch {
        // The next poll tries again from the same moment.
      }
    };
    void poll();
    const timer = window.setInterval(() => void poll(), NEW_ORDER_POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [notification, navigate]);

  return null;
}
