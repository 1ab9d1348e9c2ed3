import type { TestApp } from './test-app';
import { InventoryService } from '../../../server/src/inventory/inventory.service';

/**
 * The stock ledger holds: every SKU's stock equals the sum of its movements, every order line has exactly one
 * sale movement, and no line came back into stock with more units than it sold (cancel, 仅退款, return receipt:
 * once for the whole line, or unit by unit through partial refunds).
 */
export async function expectStockLedgerBalanced(t: TestApp): Promise<void> {
  const check = await t.app.get(InventoryService).checkLedger();
  expect(check.skusChecked).toBeGreaterThan(0);
  expect(check.mismatches).toEqual([]);
  const linesWithoutOneSale = await t.dataSource.query(
    `SELECT l.id, COUNT(m.id) AS sales FROM order_lines l
     LEFT JOIN stock_movements m ON m.orderLineId = l.id AND m.reason = 'sale'
     GROUP BY l.id HAVING COUNT(m.id) <> 1`,
  );
  expect(linesWithoutOneSale).toEqual([]);
  const linesReturnedBeyondSale = await t.dataSource.query(
    `SELECT m.orderLineId, SUM(m.delta) AS returned FROM stock_movements m INNER JOIN order_lines l ON l.id = m.orderLineId
     WHERE m.reason <> 'sale' GROUP BY m.orderLineId, l.quantity HAVING SUM(m.delta) > l.quantity`,
  );
  expect(linesReturnedBeyondSale).toEqual([]);
}

/** The movements of one SKU, oldest first, as reason and signed quantity. */
export async function movementsOfSku(t: TestApp, skuId: number): Promise<{ reason: string; delta: number }[]> {
  const rows: { reason: string; delta: number | string }[] = await t.dataSource.query(
    'SELECT reason, delta FROM stock_movements WHERE skuId = ? ORDER BY id',
    [skuId],
  );
  return rows.map((row) => ({ reason: row.reason, delta: Number(row.delta) }));
}
