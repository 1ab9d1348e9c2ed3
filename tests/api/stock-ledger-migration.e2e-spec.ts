import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../server/src/platform/database/data-source-options';
import { createMariadbDatabase, TEST_DB } from './support/test-app';

const MIGRATION = 'StockMovements1796600000000';

/**
 * The migration that starts the stock ledger, on a database with stock and staff adjustments from before it:
 * the adjustments become movements and each SKU's opening row makes its movements sum to its stock.
 */
describe(`stock ledger migration (${TEST_DB})`, () => {
  let dataSource: DataSource;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (TEST_DB === 'mariadb') {
      const database = await createMariadbDatabase();
      dataSource = new DataSource({ ...buildDataSourceOptions({ dialect: 'mariadb', url: database.url }), migrationsRun: false, logging: false });
      cleanup = () => database.drop();
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'stock-ledger-migration-'));
      dataSource = new DataSource({ ...buildDataSourceOptions({ dialect: 'sqlite', file: join(dir, 'db.sqlite') }), migrationsRun: false, logging: false });
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    // Back to the schema before the ledger (and the migrations after it, if any).
    while ((await dataSource.query('SELECT name FROM migrations WHERE name = ?', [MIGRATION])).length > 0) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
  });
  afterAll(async () => {
    await dataSource.destroy();
    await cleanup();
  });

  const sku = async (productId: number, stock: number, code: string): Promise<number> => {
    await dataSource.query('INSERT INTO skus (productId, specValues, priceFen, stock, skuCode) VALUES (?, ?, ?, ?, ?)', [productId, '[]', 100, stock, code]);
    const [row] = await dataSource.query('SELECT id FROM skus WHERE skuCode = ?', [code]);
    return Number(row.id);
  };
  const adjustment = (skuId: number, delta: number, staffId: number, reason: string) =>
    dataSource.query('INSERT INTO stock_adjustments (skuId, delta, stockAfter, reason, staffId) VALUES (?, ?, ?, ?, ?)', [skuId, delta, 0, reason, staffId]);
  const movements = async (skuId: number) =>
    (await dataSource.query('SELECT delta, reason, staffId, note FROM stock_movements WHERE skuId = ? ORDER BY id', [skuId])).map(
      (row: { delta: number | string; reason: string; staffId: number | string | null; note: string | null }) => [
        Number(row.delta),
        row.reason,
        row.staffId === null ? null : Number(row.staffId),
        row.note,
      ],
    );

  it('moves the staff adjustments over and opens every SKU with the rest of its stock, so the ledger sums to the stock', async () => {
    const counted = await sku(1, 7, 'MIG-A');
    const empty = await sku(1, 0, 'MIG-B');
    await adjustment(counted, 5, 2, '盘点入库');
    await adjustment(counted, -2, 0, '演示历史补回');
    await adjustment(999_999, 3, 2, '已删除的 SKU');

    await dataSource.runMigrations({ transaction: 'each' });

    expect(await movements(counted)).toEqual([
      [4, 'initial', null, '建立库存流水时的库存'],
      [5, 'adjustment', 2, '盘点入库'],
      [-2, 'adjustment', null, '演示历史补回'],
    ]);
    expect(await movements(empty)).toEqual([[0, 'initial', null, '建立库存流水时的库存']]);
    expect(await movements(999_999)).toEqual([]);
    const mismatches = await dataSource.query(
      `SELECT s.id FROM skus s LEFT JOIN (SELECT skuId, SUM(delta) AS total FROM stock_movements GROUP BY skuId) m ON m.skuId = s.id
       WHERE s.stock <> COALESCE(m.total, 0)`,
    );
    expect(mismatches).toEqual([]);
  });

  it('rolls back to stock_adjustments with the staff adjustments', async () => {
    while ((await dataSource.query('SELECT name FROM migrations WHERE name = ?', [MIGRATION])).length > 0) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    const rows = await dataSource.query('SELECT delta, reason, staffId FROM stock_adjustments ORDER BY id');
    expect(rows.map((row: { delta: number | string; reason: string; staffId: number | string }) => [Number(row.delta), row.reason, Number(row.staffId)])).toEqual([
      [5, '盘点入库', 2],
      [-2, '演示历史补回', 0],
    ]);
  });
});
