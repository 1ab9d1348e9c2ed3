import type { EntityManager } from 'typeorm';
import { OrderLineRow } from '../orders/order-line.entity';
import { Product } from './product.entity';

/**
 * Real sales (products.salesCount) follow the order: an order's units count when it is paid and stop counting
 * when it is refunded. Both run in the transaction that moves the order's status (pending_payment → paid,
 * refunding → refunded), so each happens once per order. Conditional arithmetic, products in id order.
 */
export async function countOrderAsSold(manager: EntityManager, orderId: number): Promise<void> {
  for (const [productId, quantity] of await unitsByProduct(manager, orderId)) {
    await manager
      .createQueryBuilder()
      .update(Product)
      .set({ salesCount: () => 'salesCount + :quantity' })
      .where('id = :productId')
      .setParameters({ productId, quantity })
      .execute();
  }
}

/** The refunded order's units leave the count (never below 0, e.g. for an order paid before counting began). */
export async function uncountRefundedOrder(manager: EntityManager, orderId: number): Promise<void> {
  for (const [productId, quantity] of await unitsByProduct(manager, orderId)) {
    await manager
      .createQueryBuilder()
      .update(Product)
      .set({ salesCount: () => 'CASE WHEN salesCount >= :quantity THEN salesCount - :quantity ELSE 0 END' })
      .where('id = :productId')
      .setParameters({ productId, quantity })
      .execute();
  }
}

async function unitsByProduct(manager: EntityManager, orderId: number): Promise<[number, number][]> {
  const lines = await manager.findBy(OrderLineRow, { orderId });
  const byProduct = new Map<number, number>();
  for (const line of lines) byProduct.set(line.productId, (byProduct.get(line.productId) ?? 0) + line.quantity);
  return [...byProduct].sort(([a], [b]) => a - b);
}
