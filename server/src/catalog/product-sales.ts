import { Not, type EntityManager } from 'typeorm';
import { OrderLineRow } from '../orders/order-line.entity';
import { RefundRow } from '../payments/refund.entity';
import { Product } from './product.entity';

/**
 * Real sales (products.salesCount) follow the order: an order's units count when it is paid and stop counting
 * when it is refunded. Both run in the transaction that moves the order's status (pending_payment → paid,
 * refunding → refunded), so each happens once per order. Conditional arithmetic, products in id order.
 */
export function countOrderAsSold(manager: EntityManager, orderId: number): Promise<void> {
  return changeSalesCounts(manager, orderId, 'salesCount + :quantity');
}

const TAKE_OFF = 'CASE WHEN salesCount >= :quantity THEN salesCount - :quantity ELSE 0 END';

/**
 * The refunded order's units leave the count (never below 0, e.g. for an order paid before counting began), except
 * those its partial refunds take off themselves when they succeed (the refunds that did not close the order).
 */
export async function uncountRefundedOrder(manager: EntityManager, orderId: number): Promise<void> {
  const partial = await manager.find(RefundRow, { select: { id: true, lines: true }, where: { orderId, closesOrder: false, status: Not('failed') } });
  const takenOff = new Map<number, number>();
  for (const part of partial.flatMap((refund) => refund.lines ?? [])) takenOff.set(part.lineId, (takenOff.get(part.lineId) ?? 0) + part.quantity);
  const byProduct = new Map<number, number>();
  for (const line of await manager.findBy(OrderLineRow, { orderId })) {
    const units = line.quantity - (takenOff.get(line.id) ?? 0);
    if (units > 0) byProduct.set(line.productId, (byProduct.get(line.productId) ?? 0) + units);
  }
  await changeProductSales(manager, byProduct, TAKE_OFF);
}

/** Units (by product id) leave the products' real sales, never below 0: e.g. the demo history's orders when it is removed. */
export function takeOffSales(manager: EntityManager, byProduct: Map<number, number>): Promise<void> {
  return changeProductSales(manager, byProduct, TAKE_OFF);
}

async function changeSalesCounts(manager: EntityManager, orderId: number, newCount: string): Promise<void> {
  const lines = await manager.findBy(OrderLineRow, { orderId });
  const byProduct = new Map<number, number>();
  for (const line of lines) byProduct.set(line.productId, (byProduct.get(line.productId) ?? 0) + line.quantity);
  await changeProductSales(manager, byProduct, newCount);
}

/** Products in id order, as every writer of these rows takes them, so two transactions never wait on each other in a cycle. */
async function changeProductSales(manager: EntityManager, byProduct: Map<number, number>, newCount: string): Promise<void> {
  for (const [productId, quantity] of [...byProduct].sort(([a], [b]) => a - b)) {
    await manager
      .createQueryBuilder()
      .update(Product)
      .set({ salesCount: () => newCount })
      .where('id = :productId')
      .setParameters({ productId, quantity })
      .execute();
  }
}
