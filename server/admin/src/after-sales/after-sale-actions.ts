import type { AfterSale } from '@shared/api/after-sales';
import type { StaffRole } from '@shared/roles';
import { canConfirmReturnReceipt, canHandleAfterSales } from '@/auth/access';

export type AfterSaleAction = 'approve' | 'reject' | 'receive' | 'refund';

/**
 * What staff of this role may do to a case now. An applied case is approved or rejected; approving 仅退款 starts
 * the refund at once, while 退货退款 waits for the goods: 确认收到退货 (the warehouse too), then 确认退款.
 */
export function afterSaleActions(afterSale: Pick<AfterSale, 'type' | 'status'>, role: StaffRole): AfterSaleAction[] {
  if (afterSale.type === 'return_refund' && afterSale.status === 'approved') return canConfirmReturnReceipt(role) ? ['receive'] : [];
  if (!canHandleAfterSales(role)) return [];
  if (afterSale.status === 'applied') return ['approve', 'reject'];
  if (afterSale.status === 'return_received' && afterSale.type === 'return_refund') return ['refund'];
  return [];
}
