import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In } from 'typeorm';
import { PeriodicSweep } from '../../platform/jobs/periodic-sweep';
import { WithdrawalRow } from './withdrawal.entity';
import { WithdrawalTransfers } from './withdrawal-transfers';

/** An open bill not heard of for this long is asked about (notifications can be lost; an approval can crash before its create). */
export const WITHDRAWAL_CHECK_AFTER_MS = 2 * 60_000;
/** WeChat closes an unconfirmed bill after 24 hours (FAIL); one still open well after that is worth a warning. */
const CONFIRM_WINDOW_MS = 24 * 3600_000;
const BATCH = 100;

/**
 * Every minute, under the job lease (it calls WeChat): withdrawals whose bill is still open are queried by
 * out_bill_no. An approved one without a bill (a crash or an unclear create) gets it created only when WeChat
 * answers NOT_FOUND; a waiting one takes WeChat's state (SUCCESS, FAIL incl. the 24-hour expiry, CANCELLED) and
 * a lost package is fetched again. Answers how many withdrawals changed status.
 */
@Injectable()
export class WithdrawalTransferSweeper extends PeriodicSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transfers: WithdrawalTransfers,
  ) {
    super({ name: 'referral.withdrawal-transfers', label: '提现转账对账（向微信查单）', everyMs: 60_000, usesWechat: true });
  }

  async sweep(now: Date = new Date()): Promise<number> {
    const due = new Date(now.getTime() - WITHDRAWAL_CHECK_AFTER_MS);
    const rows = await this.dataSource
      .getRepository(WithdrawalRow)
      .createQueryBuilder('w')
      .select(['w.id', 'w.status', 'w.billCreatedAt', 'w.wechatState'])
      .where({ status: In(['approved', 'waiting']) })
      .andWhere(new Brackets((open) => open.where('w.wechatCheckedAt <= :due', { due }).orWhere('w.wechatCheckedAt IS NULL AND w.reviewedAt <= :due', { due })))
      .orderBy('w.id', 'ASC')
      .take(BATCH)
      .getMany();
    let changed = 0;
    for (const row of rows) {
      try {
        await this.transfers.reconcile(row.id);
      } catch (error) {
        this.logger.warn(`withdrawal ${row.id}: ${String(error)}`);
      }
      const after = await this.dataSource.getRepository(WithdrawalRow).findOneByOrFail({ id: row.id });
      if (after.status !== row.status) changed++;
      else if (after.billCreatedAt && now.getTime() - after.billCreatedAt.getTime() > CONFIRM_WINDOW_MS + 3600_000) {
        this.logger.warn(`withdrawal ${row.id}: bill still ${after.wechatState} more than 25 hours after it was created; WeChat should have closed it`);
      }
    }
    return changed;
  }
}
