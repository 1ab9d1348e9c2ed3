import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { StockLedgerCheck, StockMovement } from '../../../shared';
import { SkuRow } from '../catalog/sku.entity';
import { OrderRow } from '../orders/order.entity';
import { ApiException } from '../platform/errors/api-exception';
import { StaffRow } from '../staff/staff.entity';
import { StockMovementRow } from './stock-movement.entity';

/** Reads of the stock ledger (its writes are the functions of stock-ledger.ts, inside other transactions). */
@Injectable()
export class InventoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every live SKU's stock against the sum of its movements (initial + adjustments − sold + returned);
   * a mismatch means a stock write went around the ledger.
   */
  async checkLedger(): Promise<StockLedgerCheck> {
    const rows: { skuId: number | string; stock: number | string; movementSum: number | string | null }[] = await this.dataSource.query(
      `SELECT s.id AS skuId, s.stock AS stock, COALESCE(m.total, 0) AS movementSum
       FROM skus s LEFT JOIN (SELECT skuId, SUM(delta) AS total FROM stock_movements GROUP BY skuId) m ON m.skuId = s.id
       ORDER BY s.id`,
    );
    const all = rows.map((row) => ({ skuId: Number(row.skuId), stock: Number(row.stock), movementSum: Number(row.movementSum ?? 0) }));
    return { skusChecked: all.length, mismatches: all.filter((row) => row.stock !== row.movementSum) };
  }

  /** A SKU's movements, newest first, with the order number and the staff member's name. */
  async movementsOf(skuId: number, limit: number): Promise<StockMovement[]> {
    if (!(await this.dataSource.getRepository(SkuRow).existsBy({ id: skuId }))) {
      throw new ApiException('SKU_NOT_FOUND', HttpStatus.NOT_FOUND, 'SKU 不存在');
    }
    const rows = await this.dataSource.getRepository(StockMovementRow).find({ where: { skuId }, order: { id: 'DESC' }, take: limit });
    const orderIds = [...new Set(rows.flatMap((row) => (row.orderId === null ? [] : [row.orderId])))];
    const staffIds = [...new Set(rows.flatMap((row) => (row.staffId === null ? [] : [row.staffId])))];
    const orderNos = new Map(
      (orderIds.length ? await this.dataSource.getRepository(OrderRow).find({ select: { id: true, orderNo: true }, where: { id: In(orderIds) } }) : []).map(
        (order) => [order.id, order.orderNo],
      ),
    );
    const staffNames = new Map(
      (staffIds.length ? await this.dataSource.getRepository(StaffRow).find({ select: { id: true, displayName: true }, where: { id: In(staffIds) } }) : []).map(
        (staff) => [staff.id, staff.displayName],
      ),
    );
    return rows.map((row) => ({
      id: row.id,
      skuId: row.skuId,
      delta: row.delta,
      reason: row.reason,
      orderId: row.orderId,
      orderNo: row.orderId === null ? null : (orderNos.get(row.orderId) ?? null),
      orderLineId: row.orderLineId,
      afterSaleId: row.afterSaleId,
      staffId: row.staffId,
      staffName: row.staffId === null ? null : (staffNames.get(row.staffId) ?? null),
      note: row.note,
      createdAt: row.createdAt.toISOString(),
    }));
  }
}
