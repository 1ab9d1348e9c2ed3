import { HttpStatus } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { StockMovementReason } from '../../../shared';
import { SkuRow } from '../catalog/sku.entity';
import { lockedForUpdate } from '../platform/database/locking-read';
import { ApiException } from '../platform/errors/api-exception';
import { execute, insertRows } from '../platform/database/plain-sql';
import { outOfStock } from '../orders/sellable-skus';
import { productsChanged } from '../platform/cache/cache-changes';
import { StockMovementRow } from './stock-movement.entity';

/*
 * Every write of a SKU's stock goes through this file, and each one writes its stock movement in the same
 * transaction, so the ledger (stock_movements) always sums to the stock. All functions take the caller's
 * transaction manager. Stock is changed only by conditional arithmetic (never below zero); SKUs are touched in id
 * order so concurrent writers lock rows in the same order. A product's stock is the sum of its SKUs' (read when
 * the product is read), so no stock change writes the product's row.
 */

/** An order line as far as its stock goes. */
export interface StockLine {
  skuId: number;
  productId: number;
  quantity: number;
  /** For the OUT_OF_STOCK message. */
  title: string;
}

/** A saved order line (its id names it in the ledger). */
export interface SavedStockLine {
  id: number;
  orderId: number;
  skuId: number;
  productId: number;
  quantity: number;
}

export type OrderStockReason = Extract<StockMovementReason, 'sale' | 'cancel_return' | 'refund_return' | 'return_receipt'>;
export type StaffStockReason = Extract<StockMovementReason, 'adjustment' | 'product_edit'>;

/** The ledger rows of order lines taking (sale) or returning stock: one per line, signed. */
export function orderLineMovements(
  lines: SavedStockLine[],
  reason: OrderStockReason,
  refs: { afterSaleId?: number | null; staffId?: number | null } = {},
): Partial<StockMovementRow>[] {
  const sign = reason === 'sale' ? -1 : 1;
  return lines.map((line) => ({
    skuId: line.skuId,
    productId: line.productId,
    delta: sign * line.quantity,
    reason,
    orderId: line.orderId,
    orderLineId: line.id,
    afterSaleId: refs.afterSaleId ?? null,
    staffId: refs.staffId ?? null,
  }));
}

/**
 * Takes the stock of a new order's lines (already inserted in this transaction, with their ids): writes their
 * sale movements in ONE insert, then decrements each SKU conditionally. Call it as the LAST step of the order
 * transaction: the SKU rows are the hot rows every order for that SKU waits on, so the movements go in before
 * them. A SKU short of stock throws OUT_OF_STOCK, and the rollback takes the movements with it.
 * Statements: 1 INSERT + one UPDATE per SKU.
 */
export async function takeForOrder(manager: EntityManager, lines: (StockLine & SavedStockLine)[]): Promise<void> {
  await writeMovements(manager, orderLineMovements(lines, 'sale'));
  await changeSkuStock(manager, lines, -1);
}

/**
 * Puts an order's lines back into stock (a cancelled order, a 仅退款 approved, returned goods received), once:
 * call it only from the transaction that won the conditional status update causing it. A SKU deleted since
 * has nowhere to take the units; its movement row stays as the record of what came back.
 */
export async function returnForOrder(
  manager: EntityManager,
  lines: SavedStockLine[],
  reason: Exclude<OrderStockReason, 'sale'>,
  refs: { afterSaleId?: number | null; staffId?: number | null } = {},
): Promise<void> {
  await writeMovements(manager, orderLineMovements(lines, reason, refs));
  await changeSkuStock(manager, lines, 1);
}

/**
 * A staff member adds `delta` (signed) to a SKU's stock with one conditional UPDATE (never below zero) and
 * its movement. Answers the stock after it, or throws SKU_NOT_FOUND / STOCK_WOULD_GO_NEGATIVE.
 */
export async function adjustSkuStock(
  manager: EntityManager,
  input: { skuId: number; delta: number; staffId: number | null; note: string; reason?: StaffStockReason },
): Promise<number> {
  const { skuId, delta } = input;
  if (!(await execute(manager, ADJUST_SKU_STOCK, [delta, skuId, delta]))) {
    if (!(await manager.existsBy(SkuRow, { id: skuId }))) throw new ApiException('SKU_NOT_FOUND', HttpStatus.NOT_FOUND, 'SKU 不存在');
    throw new ApiException('STOCK_WOULD_GO_NEGATIVE', HttpStatus.CONFLICT, '库存不足，调整后库存不能小于 0');
  }
  const sku = await manager.findOneByOrFail(SkuRow, { id: skuId });
  await writeMovements(manager, [
    { skuId, productId: sku.productId, delta, reason: input.reason ?? 'adjustment', staffId: input.staffId, note: input.note },
  ]);
  return sku.stock;
}

/**
 * A product save applies the stock staff typed in the form: each SKU row is read locked (the latest stock,
 * which orders may have changed while the form was open). When the form says what it loaded (`stockBefore`),
 * the change staff made (stock − stockBefore) is added to the latest stock, so units sold meanwhile stay sold;
 * without it the stock is set to the number. Each change is arithmetic with a `product_edit` movement; a change
 * that would go below zero is refused.
 */
export async function setSkuStocks(
  manager: EntityManager,
  targets: { skuId: number; stock: number; stockBefore?: number }[],
  staffId: number | null,
): Promise<void> {
  if (targets.length === 0) return;
  const current = await lockedForUpdate(
    manager.createQueryBuilder(SkuRow, 's').select(['s.id', 's.productId', 's.stock']).where({ id: In(targets.map((t) => t.skuId)) }).orderBy('s.id', 'ASC'),
  ).getMany();
  const wanted = new Map(targets.map((t) => [t.skuId, t]));
  const movements: Partial<StockMovementRow>[] = [];
  for (const sku of current) {
    const target = wanted.get(sku.id)!;
    const delta = target.stockBefore === undefined ? target.stock - sku.stock : target.stock - target.stockBefore;
    if (delta === 0) continue;
    // The conditional update is what keeps stock at or above zero; the locked read only words the refusal.
    if ((await execute(manager, ADJUST_SKU_STOCK, [delta, sku.id, delta])) === 0) {
      throw new ApiException('STOCK_WOULD_GO_NEGATIVE', HttpStatus.CONFLICT, `库存已变化（现有 ${sku.stock} 件），减少 ${-delta} 件后会小于 0，请刷新后重试`, {
        skuId: sku.id,
      });
    }
    movements.push({ skuId: sku.id, productId: sku.productId, delta, reason: 'product_edit', staffId, note: '编辑商品时修改库存' });
  }
  await writeMovements(manager, movements);
}

/** The first stock of SKUs just created: an `initial` movement each (none for a SKU starting at zero). */
export async function recordInitialStock(
  manager: EntityManager,
  skus: { id: number; productId: number; stock: number }[],
  staffId: number | null,
): Promise<void> {
  await writeMovements(
    manager,
    skus.filter((sku) => sku.stock !== 0).map((sku) => ({ skuId: sku.id, productId: sku.productId, delta: sku.stock, reason: 'initial' as const, staffId })),
  );
}

/**
 * The movements of a stock change, in one INSERT. Their rows are also how other instances learn that these
 * products' stock changed (platform/cache/answer-cache-poller.ts); this instance drops its cached answers after the commit.
 */
async function writeMovements(manager: EntityManager, movements: Partial<StockMovementRow>[]): Promise<void> {
  await insertRows(manager, StockMovementRow, movements);
  productsChanged(manager, movements.map((movement) => movement.productId!));
}

/** Conditional per-SKU arithmetic for order lines; taking throws OUT_OF_STOCK. */
async function changeSkuStock(manager: EntityManager, lines: (Omit<StockLine, 'title'> & { title?: string })[], sign: 1 | -1): Promise<void> {
  for (const line of [...lines].sort((a, b) => a.skuId - b.skuId)) {
    const moved =
      sign < 0
        ? await execute(manager, TAKE_SKU_STOCK, [line.quantity, line.skuId, line.quantity])
        : await execute(manager, ADD_SKU_STOCK, [line.quantity, line.skuId]);
    // A unit returned to a SKU deleted since has nowhere to go.
    if (!moved && sign < 0) throw outOfStock(line.skuId, line.title ?? '');
  }
}

// Plain SQL (see platform/database/plain-sql.ts): valid as written on SQLite and MySQL/MariaDB. updatedAt is set as
// TypeORM would set it (SQLite has no ON UPDATE clause).
const TAKE_SKU_STOCK = 'UPDATE skus SET stock = stock - ?, updatedAt = CURRENT_TIMESTAMP WHERE id = ? AND stock >= ?';
const ADD_SKU_STOCK = 'UPDATE skus SET stock = stock + ?, updatedAt = CURRENT_TIMESTAMP WHERE id = ?';
const ADJUST_SKU_STOCK = 'UPDATE skus SET stock = stock + ?, updatedAt = CURRENT_TIMESTAMP WHERE id = ? AND stock + ? >= 0';
