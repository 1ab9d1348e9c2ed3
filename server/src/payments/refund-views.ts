import { In, type EntityManager } from 'typeorm';
import type { RefundRecord } from '../../../shared';
import { OrderLineRow } from '../orders/order-line.entity';
import { StaffRow } from '../staff/staff.entity';
import type { RefundRow } from './refund.entity';

/** Refund rows as staff see them: each line's title, and who started a staff refund (two reads for all rows). */
export async function refundRecords(manager: EntityManager, rows: RefundRow[]): Promise<RefundRecord[]> {
  if (rows.length === 0) return [];
  const staffIds = [...new Set(rows.map((row) => row.staffId).filter((id): id is number => id !== null))];
  const [lines, staff] = await Promise.all([
    manager.findBy(OrderLineRow, { orderId: In([...new Set(rows.map((row) => row.orderId))]) }),
    staffIds.length ? manager.find(StaffRow, { select: { id: true, displayName: true }, where: { id: In(staffIds) } }) : [],
  ]);
  const linesById = new Map(lines.map((line) => [line.id, line]));
  const names = new Map(staff.map((member) => [member.id, member.displayName]));
  return rows.map((row) => toRefundRecord(row, linesById, names));
}

/** `lines` by id and staff names by id: what the refund names, for staff. */
export function toRefundRecord(row: RefundRow, lines: Map<number, OrderLineRow>, staffNames: Map<number, string>): RefundRecord {
  return {
    outRefundNo: row.outRefundNo,
    kind: row.kind,
    amountFen: row.amountFen,
    reason: row.reason,
    staff: row.staffId === null ? null : { id: row.staffId, displayName: staffNames.get(row.staffId) ?? `员工${row.staffId}` },
    lines: (row.lines ?? []).map((part) => ({
      lineId: part.lineId,
      skuId: part.skuId,
      title: lines.get(part.lineId)?.title ?? '',
      specValues: lines.get(part.lineId)?.specValues ?? [],
      quantity: part.quantity,
      amountFen: part.amountFen,
    })),
    shippingFen: shippingOf(row),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    succeededAt: row.succeededAt ? row.succeededAt.toISOString() : null,
  };
}

/** The shipping a refund gave back: what its amount holds beyond its lines (only the refund of the last goods has any). */
export function shippingOf(refund: Pick<RefundRow, 'lines' | 'amountFen' | 'closesOrder'>): number {
  if (!refund.closesOrder || !refund.lines) return 0;
  return refund.amountFen - refund.lines.reduce((total, line) => total + line.amountFen, 0);
}
