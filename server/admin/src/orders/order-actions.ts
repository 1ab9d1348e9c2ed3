import type { OrderHold, OrderStatus } from '@shared/api/orders';
import type { StaffRole } from '@shared/roles';
import { canCancelOrders, canShipOrders } from '@/auth/access';

export type OrderAction = 'ship' | 'cancel';

/**
 * What staff of this role may do to an order in this state, besides opening its detail. The server refuses the rest
 * (wrong state: 409, wrong role: 403); the console only avoids offering them.
 */
export function orderActions(status: OrderStatus, role: StaffRole): OrderAction[] {
  const actions: OrderAction[] = [];
  if (status === 'paid' && canShipOrders(role)) actions.push('ship');
  if (status === 'pending_payment' && canCancelOrders(role)) actions.push('cancel');
  return actions;
}

/** Why a paid order on hold cannot ship yet, shown on its disabled 发货 button. */
const SHIP_HOLD_REASONS: Record<OrderHold, string> = {
  group_buy: '拼团成功后才能发货',
};

/** Why 发货 is shown but cannot be used yet (the order waits for its 拼团 team), or null. The server refuses it too. */
export function shipBlockedReason(order: { status: OrderStatus; fulfilmentHold?: OrderHold | null }): string | null {
  return order.status === 'paid' && order.fulfilmentHold ? SHIP_HOLD_REASONS[order.fulfilmentHold] : null;
}
