import type { OrderCounts } from '@shared/api/orders';
import { listMyCoupons } from './coupons';
import { request } from './request';

/** What 我的 counts: orders per shortcut badge, and the coupons waiting to be used. */
export interface MineSummary {
  orderCounts: OrderCounts;
  unusedCoupons: number;
}

export async function fetchMineSummary(): Promise<MineSummary> {
  const [orderCounts, coupons] = await Promise.all([
    request<OrderCounts>('/me/order-counts', { toast: false }),
    listMyCoupons({ status: 'unused', pageSize: 1 }),
  ]);
  return { orderCounts, unusedCoupons: coupons.total };
}
