import type { AfterSale } from '../../../shared';
import type { AfterSaleRow } from './after-sale.entity';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toAfterSale(row: AfterSaleRow, orderNo: string): AfterSale {
  return {
    id: row.id,
    orderNo,
    type: row.type,
    status: row.status,
    reason: row.reason,
    description: row.description,
    images: row.images,
    refundFen: row.refundFen,
    rejectReason: row.rejectReason,
    createdAt: row.createdAt.toISOString(),
    handledAt: iso(row.handledAt),
    refundedAt: iso(row.refundedAt),
  };
}
