import type { PointsReason } from '../../../shared';

/** Domain events of points (recorded with the ledger row; see src/platform/events/). */
export const PointsEvents = {
  /** A points ledger row was written: earned, spent, returned, taken back, expired or adjusted by staff. */
  changed: 'points.changed',
} as const;

export interface PointsChangedPayload {
  ledgerId: number;
  memberId: number;
  delta: number;
  balanceAfter: number;
  reason: PointsReason;
  orderId: number | null;
  orderNo: string | null;
}
