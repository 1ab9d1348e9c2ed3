import { In, Not, type EntityManager } from 'typeorm';
import { OrderLineRow } from '../orders/order-line.entity';
import type { OrderLineFacts } from '../orders/process/order-steps';
import { execute } from '../platform/database/plain-sql';
import { RefundRow } from '../payments/refund.entity';
import { lockedForUpdate } from '../platform/database/locking-read';
import { productsChanged } from '../platform/cache/cache-changes';
import { SkuRow } from './sku.entity';

/**
 * Real sales follow the order: an order's units count when it is paid and stop counting when it is refunded.
 * Both run in the transaction that moves the order's status (pending_payment → paid, refunding → refunded), so
 * each happens once per order. They are kept per SKU (skus.salesCount), on the row the order's stock already
 * wrote, so a paid order on a hot product never writes the product's row; a product's 已售 is summed from its
 * SKUs when read (Product.salesCount). Conditional arithmetic, SKUs in id order like every writer of these rows.
 */
export async function countOrderAsSold(manager: EntityManager, orderId: number, lines?: readonly OrderLineFacts[]): Promise<void> {
  const bySku = await unitsBySku(manager, orderId, lines);
  for (const [skuId, units] of bySku) await execute(manager, ADD_SKU_SALES, [units.quantity, skuId]);
  productsChanged(manager, [...bySku.values()].map((units) => units.productId));
}

/**
 * The refunded order's units leave the count (never below 0, e.g. for an order paid before counting began), except
 * those its partial refunds take off themselves when they succeed (the refunds that did not close the order).
 */
export async function uncountRefundedOrder(manager: EntityManager, orderId: number): Promise<void> {
  const bySku = await unitsBySku(manager, orderId);
  const partial = await manager.find(RefundRow, { select: { id: true, lines: true }, where: { orderId, closesOrder: false, status: Not('failed') } });
  for (const part of partial.flatMap((refund) => refund.lines ?? [])) {
    const units = bySku.get(part.skuId);
    if (units) units.quantity -= part.quantity;
  }
  for (const [skuId, units] of bySku) if (units.quantity <= 0) bySku.delete(skuId);
  await takeOffSales(manager, bySku);
}

/**
 * Units (by SKU id) leave real sales, never below 0: a refunded order's, or the demo history's orders when it is
 * removed. What a SKU no longer holds (it was removed, or its units were counted before sales were kept per SKU)
 * comes off its product's carried count instead.
 */
export async function takeOffSales(manager: EntityManager, bySku: Map<number, { productId: number; quantity: number }>): Promise<void> {
  if (bySku.size === 0) return;
  const held = await lockedForUpdate(
    manager.createQueryBuilder(SkuRow, 's').select(['s.id', 's.salesCount']).where({ id: In([...bySku.keys()]) }).orderBy('s.id', 'ASC'),
  ).getMany();
  const heldBySku = new Map(held.map((sku) => [sku.id, sku.salesCount]));
  const carried = new Map<number, number>();
  for (const [skuId, { productId, quantity }] of bySku) {
    const fromSku = Math.min(quantity, heldBySku.get(skuId) ?? 0);
    if (fromSku > 0) await execute(manager, TAKE_SKU_SALES, [fromSku, skuId, fromSku]);
    if (quantity > fromSku) carried.set(productId, (carried.get(productId) ?? 0) + quantity - fromSku);
  }
  for (const [productId, quantity] of [...carried].sort(([a], [b]) => a - b)) {
    await execute(manager, TAKE_CARRIED_SALES, [quantity, quantity, productId]);
  }
  productsChanged(manager, [...bySku.values()].map((units) => units.productId));
}

/** A removed SKU's sales move to its product's carried count, so the product's 已售 stays what it was. */
export async function carrySalesOfRemovedSkus(manager: EntityManager, productId: number, skuIds: number[]): Promise<void> {
  if (skuIds.length === 0) return;
  await execute(manager, `UPDATE products SET carriedSalesCount = carriedSalesCount + (SELECT COALESCE(SUM(salesCount), 0) FROM skus WHERE id IN (${skuIds.map(() => '?').join(', ')})) WHERE id = ?`, [
    ...skuIds,
    productId,
  ]);
}

/** The order's units per SKU (in SKU id order), with the product of each; from `known` lines when the caller has them. */
async function unitsBySku(manager: EntityManager, orderId: number, known?: readonly OrderLineFacts[]): Promise<Map<number, { productId: number; quantity: number }>> {
  const lines = known ?? (await manager.findBy(OrderLineRow, { orderId }));
  const bySku = new Map<number, { productId: number; quantity: number }>();
  for (const line of [...lines].sort((a, b) => a.skuId - b.skuId)) {
    const units = bySku.get(line.skuId) ?? { productId: line.productId, quantity: 0 };
    units.quantity += line.quantity;
    bySku.set(line.skuId, units);
  }
  return bySku;
}

// Plain SQL (see platform/database/plain-sql.ts), valid as written on SQLite and MySQL/MariaDB.
const ADD_SKU_SALES = 'UPDATE skus SET salesCount = salesCount + ? WHERE id = ?';
const TAKE_SKU_SALES = 'UPDATE skus SET salesCount = salesCount - ? WHERE id = ? AND salesCount >= ?';
const TAKE_CARRIED_SALES = 'UPDATE products SET carriedSalesCount = CASE WHEN carriedSalesCount >= ? THEN carriedSalesCount - ? ELSE 0 END WHERE id = ?';
