import type { EntityManager } from 'typeorm';
import { ORDER_TRANSITIONS, type OrderStatus } from '../../../shared';
import { OrderRow } from './order.entity';

/**
 * Moves an order from `from` to `to` with ONE conditional UPDATE on the expected state, setting the
 * transition's own columns (its timestamp, …) in the same statement. True when this call made the
 * change; false when the order was not in `from` any more (someone else won: re-read and answer).
 * Only OrderProcess (src/orders/process/) calls it, so no status change skips the state machine, its guards or its hooks.
 */
export async function transitionOrder(
  manager: EntityManager,
  orderId: number,
  from: OrderStatus,
  to: OrderStatus,
  changes: Partial<Omit<OrderRow, 'id' | 'status'>> = {},
): Promise<boolean> {
  if (!ORDER_TRANSITIONS[from].includes(to)) throw new Error(`an order cannot go from ${from} to ${to}`);
  const result = await manager
    .createQueryBuilder()
    .update(OrderRow)
    .set({ ...changes, status: to })
    .where('id = :orderId AND status = :from', { orderId, from })
    .execute();
  return result.affected === 1;
}
