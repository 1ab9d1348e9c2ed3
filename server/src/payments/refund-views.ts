import type { RefundRecord } from '../../../shared';
import type { RefundRow } from './refund.entity';

export function toRefundRecord(row: RefundRow): RefundRecord {
  return {
    outRefundNo: row.outRefundNo,
    amountFen: row.amountFen,
    reason: row.reason,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    succeededAt: row.succeededAt ? row.succeededAt.toISOString() : null,
  };
}
