import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TRANSFER_FAIL_REASON_LABELS, type WithdrawalStatus } from '../../../../shared';
import { MemberRow } from '../../members/member.entity';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { lockedForUpdate } from '../../platform/database/locking-read';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { ApiException } from '../../platform/errors/api-exception';
import { WechatPayApiError, WechatTransferInvalidInput, WechatTransferOutcomeUnknown, wechatPayUnavailable } from '../../wechat/pay/wechat-pay-errors';
import { WechatTransferClient } from '../../wechat/pay/wechat-transfer.client';
import { commissionSceneReport, isFinalTransferState, TRANSFER_SCENE_COMMISSION, type TransferState } from '../../wechat/pay/wechat-transfer.types';
import type { WechatTransferNotice } from '../../wechat/pay/wechat-transfer.types';
import { PromoterLedger } from '../promoter-ledger';
import { WithdrawalRow } from './withdrawal.entity';

/** Where WeChat Pay posts MCHTRANSFER.BILL.FINISHED (WithdrawalNotifyController). */
export const WITHDRAWAL_NOTIFY_PATH = '/api/v1/withdrawals/wechat-transfer/notify';

/** What the payee reads on the bill (≤ 32 characters); the same on every create of a bill, as WeChat compares it. */
const TRANSFER_REMARK = '推广佣金提现';
const SCENE_REPORT = commissionSceneReport('推广员', '推广佣金提现');

/** States of the withdrawal in which its bill is still open and news from WeChat is applied. */
const OPEN_STATUSES: readonly WithdrawalStatus[] = ['approved', 'waiting'];
/** WeChat states in which the payee can still confirm with the package. */
export const CONFIRMABLE_STATES: readonly string[] = ['WAIT_USER_CONFIRM', 'TRANSFERING'];

/** What WeChat said about a bill: a create answer, a query, a cancel or a notification. */
interface BillNews {
  state: TransferState;
  transferBillNo: string;
  packageInfo?: string | null;
  failReason?: string | null;
  createTime?: string;
}

const RELEASE_NOTES: Partial<Record<WithdrawalStatus, string>> = { failed: '提现退回：转账失败', cancelled: '提现退回：转账已撤销' };

/**
 * The withdrawal's WeChat 商家转账 bill, following the protocol's money-safety rules:
 * - the bill is always created under the withdrawal's fixed out_bill_no, so a repeat never makes a second bill;
 * - after an unclear create (WechatTransferOutcomeUnknown) the next step is a query, and every later attempt
 *   (sweep, staff's refresh) queries first and creates only when WeChat answers NOT_FOUND;
 * - package_info is written whenever it is missing (a create with the same out_bill_no gives it again while the
 *   payee can confirm) and never overwritten;
 * - news from WeChat is applied under the row's lock, state against state, so FAIL / CANCELLED release the held
 *   amount once whichever of the notification, the sweep and a refresh comes first.
 */
@Injectable()
export class WithdrawalTransfers {
  private readonly logger = new Logger('WithdrawalTransfers');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly transfers: WechatTransferClient,
    private readonly ledger: PromoterLedger,
  ) {}

  /** Right after approval: creates the bill; after an unclear answer, asks WeChat what became of it. */
  async startBill(id: number): Promise<void> {
    const row = await this.row(id);
    if (row?.status !== 'approved') return;
    if ((await this.createOnce(row)) === 'unknown') await this.reconcile(id);
  }

  /**
   * What WeChat knows first (query by out_bill_no), then: an approved withdrawal WeChat has no bill for gets it
   * created; a bill the payee can confirm but whose package was lost gets it again (same out_bill_no).
   */
  async reconcile(id: number): Promise<void> {
    const row = await this.row(id);
    if (!row || !OPEN_STATUSES.includes(row.status)) return;
    let bill;
    try {
      bill = await this.transfers.queryTransferBillByOutNo(row.outBillNo);
    } catch (error) {
      await this.noteError(row.id, error);
      return;
    }
    if (bill === null) {
      if (row.status === 'approved') await this.createOnce(row);
      else this.logger.error(`withdrawal ${row.id}: WeChat has no bill ${row.outBillNo} any more (older than 30 days?); staff must check`);
      return;
    }
    if (bill.transfer_amount !== row.amountFen) {
      this.logger.error(`withdrawal ${row.id}: WeChat's bill ${row.outBillNo} is for ${bill.transfer_amount} fen, not ${row.amountFen}: not applied`);
      return;
    }
    const after = await this.apply(row.id, { state: bill.state, transferBillNo: bill.transfer_bill_no, failReason: bill.fail_reason ?? null, createTime: bill.create_time });
    if (after.status === 'waiting' && !after.packageInfo && CONFIRMABLE_STATES.includes(bill.state)) await this.createOnce(after);
  }

  /** A MCHTRANSFER.BILL.FINISHED, verified and decrypted. Unknown bills and other amounts are logged and acknowledged. */
  async applyNotice(notice: WechatTransferNotice): Promise<void> {
    const row = await this.dataSource.getRepository(WithdrawalRow).findOneBy({ outBillNo: notice.out_bill_no });
    if (!row) {
      this.logger.warn(`transfer notification for unknown bill ${notice.out_bill_no}`);
      return;
    }
    // The bill was made out to the promoter's openid: a notice naming another payee is not this withdrawal's.
    const payee = await this.dataSource.getRepository(MemberRow).findOne({ select: { id: true, openid: true }, where: { id: row.memberId } });
    if (notice.transfer_amount !== row.amountFen || notice.mchid !== this.config.wechatPay.mchid || notice.openid !== payee?.openid) {
      this.logger.error(
        `transfer notification ${notice.out_bill_no} names ${notice.transfer_amount} fen of ${notice.mchid} to ${notice.openid}, the withdrawal is ${row.amountFen} to member ${row.memberId}: ignored`,
      );
      return;
    }
    await this.apply(row.id, { state: notice.state, transferBillNo: notice.transfer_bill_no, failReason: notice.fail_reason ?? null, createTime: notice.create_time });
  }

  /**
   * Staff cancel a withdrawal whose bill the payee has not confirmed. A waiting bill is cancelled at WeChat
   * (CANCELING; CANCELLED and the amount's return follow by notification or query). An approved withdrawal is
   * first looked up at WeChat: with a bill, that bill is cancelled; without one, the withdrawal ends here.
   */
  async cancel(id: number, staffId: number): Promise<void> {
    const row = await this.row(id);
    if (!row) throw notFound();
    if (!OPEN_STATUSES.includes(row.status)) throw stateConflict(row.status);
    const noteCanceller = () =>
      this.transactions.single((manager) =>
        manager
          .createQueryBuilder()
          .update(WithdrawalRow)
          .set({ cancelledByStaffId: staffId, cancelRequestedAt: new Date() })
          .where('id = :id AND cancelRequestedAt IS NULL', { id })
          .execute(),
      );
    if (row.status === 'approved' && !row.transferBillNo) {
      const bill = await this.transfers.queryTransferBillByOutNo(row.outBillNo).catch((error: unknown) => {
        throw wechatPayUnavailable(error);
      });
      if (bill === null) {
        await noteCanceller();
        await this.apply(id, { state: 'CANCELLED', transferBillNo: '', failReason: null }, { withoutBill: true });
        return;
      }
    }
    try {
      const answer = await this.transfers.cancelTransferBill(row.outBillNo);
      await noteCanceller();
      await this.apply(id, { state: answer.state, transferBillNo: answer.transfer_bill_no });
    } catch (error) {
      // Refused (the payee confirmed meanwhile, or it ended): learn the bill's real state, then say why.
      if (error instanceof WechatPayApiError && error.status < 500) {
        await this.reconcile(id);
        const now = await this.row(id);
        throw stateConflict(now!.status, '用户已确认收款或转账已结束，不能撤销');
      }
      throw wechatPayUnavailable(error);
    }
  }

  /**
   * One create under the withdrawal's out_bill_no. 'unknown': the answer was unclear and the bill may exist; the
   * caller must query before anything else. A documented refusal is kept on the row for staff (the sweep tries again).
   */
  private async createOnce(row: WithdrawalRow): Promise<'created' | 'refused' | 'unknown'> {
    const member = await this.dataSource.getRepository(MemberRow).findOneByOrFail({ id: row.memberId });
    let created;
    try {
      created = await this.transfers.createTransferBill({
        outBillNo: row.outBillNo,
        openid: member.openid,
        amountFen: row.amountFen,
        remark: TRANSFER_REMARK,
        sceneId: TRANSFER_SCENE_COMMISSION,
        sceneReportInfos: SCENE_REPORT,
        notifyUrl: `${this.config.wechatPay.publicBaseUrl}${WITHDRAWAL_NOTIFY_PATH}`,
      });
    } catch (error) {
      if (!(error instanceof WechatTransferOutcomeUnknown || error instanceof WechatPayApiError || error instanceof WechatTransferInvalidInput)) throw error;
      await this.noteError(row.id, error);
      return error instanceof WechatTransferOutcomeUnknown ? 'unknown' : 'refused';
    }
    const after = await this.apply(row.id, {
      state: created.state,
      transferBillNo: created.transfer_bill_no,
      packageInfo: created.package_info ?? null,
      failReason: created.fail_reason ?? null,
      createTime: created.create_time,
    });
    // Staff cancelled while this create was on its way: the bill must not stay open for anyone to confirm.
    if (after.status === 'cancelled' && !isFinalTransferState(created.state)) {
      await this.transfers.cancelTransferBill(row.outBillNo).catch((error: unknown) => this.logger.error(`cancelling late bill ${row.outBillNo}: ${String(error)}`));
    }
    return 'created';
  }

  /**
   * Applies WeChat's news to the withdrawal under its row lock: the bill's number, state and package (each written
   * only when missing), the withdrawal's next status by a conditional update, and on FAIL / CANCELLED the return of
   * the amount in the same transaction. A withdrawal that has ended is never changed again.
   */
  private apply(id: number, news: BillNews, options: { withoutBill?: boolean } = {}): Promise<WithdrawalRow> {
    return this.transactions.run(async (manager) => {
      const row = await lockedForUpdate(manager.createQueryBuilder(WithdrawalRow, 'w').where('w.id = :id', { id })).getOneOrFail();
      if (!OPEN_STATUSES.includes(row.status)) {
        if (news.state !== row.wechatState && isFinalTransferState(news.state)) {
          this.logger.warn(`withdrawal ${id} ended ${row.status}; WeChat now says ${news.state}: kept`);
        }
        return row;
      }
      // Ending a withdrawal WeChat had no bill for: only while it still has none (a create may have landed since the query).
      if (options.withoutBill && (row.status !== 'approved' || row.transferBillNo)) throw stateConflict(row.status, '转账单刚刚建立，请刷新后再撤销');
      if (!options.withoutBill && row.transferBillNo && row.transferBillNo !== news.transferBillNo) {
        this.logger.error(`withdrawal ${id}: WeChat names bill ${news.transferBillNo}, the row has ${row.transferBillNo}: not applied`);
        return row;
      }
      const now = new Date();
      const status = nextStatus(row.status, news.state);
      const changes: Partial<WithdrawalRow> = { wechatState: options.withoutBill ? null : news.state, wechatCheckedAt: now, lastError: null };
      if (!row.transferBillNo && news.transferBillNo) changes.transferBillNo = news.transferBillNo;
      if (!row.packageInfo && news.packageInfo) changes.packageInfo = news.packageInfo;
      if (!row.billCreatedAt && news.createTime) changes.billCreatedAt = new Date(news.createTime);
      if (status !== row.status) {
        changes.status = status;
        if (isFinalTransferState(news.state)) {
          changes.finishedAt = now;
          changes.failReason = news.failReason ?? null;
        }
      }
      const updated = await manager.update(WithdrawalRow, { id, status: row.status }, changes);
      if (!updated.affected) throw new Error(`withdrawal ${id} changed under its lock`);
      const note = RELEASE_NOTES[status];
      if (status !== row.status && note) await this.ledger.release(manager, row.memberId, row.outBillNo, row.amountFen, note);
      return Object.assign(row, changes);
    });
  }

  private async noteError(id: number, error: unknown): Promise<void> {
    this.logger.warn(`withdrawal ${id}: ${String(error)}`);
    const text = describeError(error).slice(0, 200);
    await this.transactions.single((manager) => manager.update(WithdrawalRow, { id }, { lastError: text }));
  }

  private row(id: number): Promise<WithdrawalRow | null> {
    return this.dataSource.getRepository(WithdrawalRow).findOneBy({ id });
  }
}

/** The withdrawal's status once WeChat's bill is in `state` (an open bill never moves a waiting withdrawal back). */
function nextStatus(current: WithdrawalStatus, state: TransferState): WithdrawalStatus {
  switch (state) {
    case 'SUCCESS':
      return 'success';
    case 'FAIL':
      return 'failed';
    case 'CANCELLED':
      return 'cancelled';
    case 'WAIT_USER_CONFIRM':
    case 'TRANSFERING':
    case 'CANCELING':
      return 'waiting';
    default:
      return current;
  }
}

function describeError(error: unknown): string {
  if (error instanceof WechatTransferOutcomeUnknown) return `微信未答复或答复不明（${error.failure.message}），将先查单再处理`;
  if (error instanceof WechatPayApiError) return `微信拒绝：${error.code} ${error.wechatMessage}`;
  if (error instanceof WechatTransferInvalidInput) return `未发出：${error.message}`;
  return String(error);
}

export const failReasonText = (reason: string | null): string | null => (reason ? (TRANSFER_FAIL_REASON_LABELS[reason] ?? reason) : null);

export const notFound = () => new ApiException('WITHDRAWAL_NOT_FOUND', HttpStatus.NOT_FOUND, '提现记录不存在');

export function stateConflict(status: WithdrawalStatus, message = '这笔提现的状态已经变了，请刷新后再试'): ApiException {
  return new ApiException('WITHDRAWAL_STATE_CONFLICT', HttpStatus.CONFLICT, message, { status });
}
