import type { AfterSale } from '@shared/api/after-sales';
import type { StaffRole } from '@shared/roles';
import { canHandleAfterSales } from '@/auth/access';

export type AfterSaleAction = 'approve' | 'reject' | 'refund';

/**
 * What staff of this role may do to a case now. An applied case is approved or rejected; approving 仅退款 starts
 * the refund at once, while 退货退款 waits for the goods and then needs 确认退款.
 */
export function afterSaleActions(afterSale: Pick<AfterSale, 'type' | 'status'>, role: StaffRole): AfterSaleAction[] {
  if (!canHandleAfterSales(role)) return [];
  if (afterSale.status === 'applied') return ['approve', 'reject'];
  if (afterSale.status === 'approved' && afterSale.type === 'return_refund') return ['refund'];
  return [];
}
