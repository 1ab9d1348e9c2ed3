import type { OrderStatus } from '@shared/api/orders';
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
