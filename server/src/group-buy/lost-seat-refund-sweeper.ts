import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RefundsService } from '../payments/refunds.service';
import { ApiException } from '../platform/errors/api-exception';
import { drainInBatches } from '../platform/jobs/drain';
import { PeriodicSweep } from '../platform/jobs/periodic-sweep';

const SWEEP_BATCH = 50;

/** What the shopper reads on the refund: why their money comes back without asking. */
export const GROUP_REFUND_REASONS = {
  failed: '拼团失败，款项原路退回',
  lost: '拼团已结束，付款已自动退回',
} as const;

/**
 * Refunds every paid group-buy order that will never ship: its team failed, or its payment came after the seat
 * was lost (the team had expired, failed or filled). One order at a time, each in its own system refund
 * (kind group_failed), never inside a team's transaction. The refund number is fixed per order (`<orderNo>G1`:
 * its first group_failed refund), and an order already refunding is not refundable again, so a run killed halfway
 * and a rerun (or two instances) refund each order once; payments.refund-resend re-sends one WeChat did not accept.
 */
@Injectable()
export class LostSeatRefundSweeper extends PeriodicSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly refunds: RefundsService,
  ) {
    super({ name: 'group-buy.refund-lost-seats', label: '拼团失败与迟到付款自动退款', everyMs: 60_000, usesWechat: true });
  }

  async sweep(): Promise<number> {
    return drainInBatches(
      SWEEP_BATCH,
      () => this.due(),
      ({ orderId, lost }) => this.refund(orderId, lost ? GROUP_REFUND_REASONS.lost : GROUP_REFUND_REASONS.failed),
    );
  }

  /** Paid, held orders whose seat was lost or whose team failed. */
  private async due(): Promise<{ orderId: number; lost: boolean }[]> {
    const rows: { orderId: number | string; seatStatus: string }[] = await this.dataSource.query(
      'SELECT o.id AS orderId, s.status AS seatStatus FROM orders o ' +
        'JOIN group_buy_seats s ON s.orderId = o.id JOIN group_buy_teams tm ON tm.id = s.teamId ' +
        "WHERE o.status = 'paid' AND o.fulfilmentHold = 'group_buy' AND (s.status = 'lost' OR tm.status = 'failed') " +
        `ORDER BY o.id LIMIT ${SWEEP_BATCH}`,
    );
    return rows.map((row) => ({ orderId: Number(row.orderId), lost: row.seatStatus === 'lost' }));
  }

  /** True when this call started the refund; false when another run (or the shopper's quit) got there first. */
  private async refund(orderId: number, reason: string): Promise<boolean> {
    try {
      await this.refunds.startSystemRefund({ orderId, kind: 'group_failed', reason, items: null });
      return true;
    } catch (error) {
      if (error instanceof ApiException && error.getStatus() === 409) return false;
      throw error;
    }
  }
}
