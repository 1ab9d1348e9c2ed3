import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, In, Not } from 'typeorm';
import {
  CHINA_OFFSET_MS,
  chinaDay,
  formatFen,
  FULL_PHONE_ROLES,
  maskPhone,
  WITHDRAWAL_MAX_FEN,
  WITHDRAWAL_STATUS_LABELS,
  WITHDRAWAL_WECHAT_MIN_FEN,
  type AdminWithdrawal,
  type MyWithdrawals,
  type Paginated,
  type StaffRole,
  type Withdrawal,
  type WithdrawalConfirmParams,
  type WithdrawalStatus,
} from '../../../../shared';
import { MemberRow } from '../../members/member.entity';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { lockedForUpdate } from '../../platform/database/locking-read';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { ApiException } from '../../platform/errors/api-exception';
import { paginated, type PageQueryDto } from '../../platform/http/page-query.dto';
import { StaffRow } from '../../staff/staff.entity';
import { PromoterLedger } from '../promoter-ledger';
import { PromotersService } from '../promoters.service';
import { ReferralSettingsService } from '../referral-settings.service';
import { WithdrawalRow } from './withdrawal.entity';
import { CONFIRMABLE_STATES, failReasonText, notFound, stateConflict, WithdrawalTransfers } from './withdrawal-transfers';

/** Withdrawals that gave their amount back do not count against the day's limit. */
const RETURNED: WithdrawalStatus[] = ['rejected', 'failed', 'cancelled'];

/** WD + the China date and time (14 digits) + 10 random digits: 26 letters and digits, unique by the table's index. */
export function newOutBillNo(now: Date = new Date()): string {
  const china = new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14);
  return `WD${china}${String(randomInt(0, 10_000_000_000)).padStart(10, '0')}`;
}

/**
 * Promoters' withdrawals: the request (the amount held from the balance in the same transaction), staff's
 * approval (one staff member wins, then the bill is created) and rejection (the amount given back), the lists.
 * Everything that talks to WeChat about the bill is WithdrawalTransfers.
 */
@Injectable()
export class WithdrawalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly settings: ReferralSettingsService,
    private readonly promoters: PromotersService,
    private readonly ledger: PromoterLedger,
    private readonly transfers: WithdrawalTransfers,
  ) {}

  /**
   * `POST /referral/withdrawals`: within the minimum and the day's limit (China day), no debt, a balance that covers
   * it. The hold (the account row locked, a ledger row) and the withdrawal row are one transaction, so parallel
   * requests never take more than the balance nor more than the day's limit.
   */
  async request(memberId: number, amountFen: number): Promise<Withdrawal> {
    const settings = await this.settings.current();
    const minFen = Math.max(settings.withdrawalMinFen, WITHDRAWAL_WECHAT_MIN_FEN);
    if (amountFen < minFen) throw amountInvalid(`单次最少提现 ¥${formatFen(minFen)}`, { minFen });
    if (amountFen > WITHDRAWAL_MAX_FEN) throw amountInvalid(`单次最多提现 ¥${formatFen(WITHDRAWAL_MAX_FEN)}`, { maxFen: WITHDRAWAL_MAX_FEN });
    if (amountFen > settings.withdrawalDailyLimitFen) throw dailyLimit(settings.withdrawalDailyLimitFen, settings.withdrawalDailyLimitFen);
    const promoter = await this.promoters.statusOf(this.dataSource.manager, memberId);
    if (promoter?.status === 'frozen') {
      throw new ApiException('WITHDRAWAL_NOT_ALLOWED', HttpStatus.CONFLICT, '推广资格已冻结，暂不能提现，请联系客服');
    }
    const now = new Date();
    const requestDay = chinaDay(now);
    const outBillNo = newOutBillNo(now);
    const row = await this.transactions.run(async (manager) => {
      await this.ledger.hold(manager, memberId, outBillNo, amountFen, '提现');
      // Read under the account's lock (taken by the hold), so parallel requests count each other.
      const today = await this.withdrawnOn(manager, memberId, requestDay);
      if (today + amountFen > settings.withdrawalDailyLimitFen) throw dailyLimit(settings.withdrawalDailyLimitFen, Math.max(0, settings.withdrawalDailyLimitFen - today));
      const inserted = await manager.insert(WithdrawalRow, { memberId, amountFen, outBillNo, status: 'requested', requestDay });
      return manager.findOneByOrFail(WithdrawalRow, { id: inserted.identifiers[0].id as number });
    });
    return toWithdrawal(row);
  }

  /** `GET /referral/withdrawals`: mine, newest first, with my balance and the rules. */
  async mine(memberId: number, query: PageQueryDto): Promise<MyWithdrawals> {
    const [settings, figures, page, today] = await Promise.all([
      this.settings.current(),
      this.ledger.figures(memberId),
      this.dataSource.getRepository(WithdrawalRow).findAndCount({ where: { memberId }, order: { id: 'DESC' }, skip: query.offset, take: query.pageSize }),
      this.withdrawnOn(this.dataSource.manager, memberId, chinaDay(new Date())),
    ]);
    return {
      balanceFen: figures.balanceFen,
      debtFen: figures.debtFen,
      minFen: Math.max(settings.withdrawalMinFen, WITHDRAWAL_WECHAT_MIN_FEN),
      maxFen: WITHDRAWAL_MAX_FEN,
      dailyLimitFen: settings.withdrawalDailyLimitFen,
      todayLeftFen: Math.max(0, settings.withdrawalDailyLimitFen - today),
      ...paginated(page[0].map(toWithdrawal), page[1], query),
    };
  }

  /** `GET /referral/withdrawals/:id/confirm-params`: what wx.requestMerchantTransfer needs, for my waiting withdrawal. */
  async confirmParams(memberId: number, id: number): Promise<WithdrawalConfirmParams> {
    let row = await this.ownRow(memberId, id);
    if (row.status !== 'waiting' || !CONFIRMABLE_STATES.includes(row.wechatState ?? '')) throw stateConflict(row.status, '这笔提现现在不能确认收款，请刷新');
    if (!row.packageInfo) {
      // The create answer with the package was lost: ask WeChat again (same out_bill_no) before answering.
      await this.transfers.reconcile(id);
      row = await this.ownRow(memberId, id);
      if (!row.packageInfo) throw new ApiException('WECHAT_UNAVAILABLE', HttpStatus.BAD_GATEWAY, '暂时取不到收款信息，请稍后再试');
    }
    return { mchId: this.config.wechatPay.mchid, appId: this.config.wechat.appid, package: row.packageInfo };
  }

  async ownRow(memberId: number, id: number): Promise<WithdrawalRow> {
    const row = await this.dataSource.getRepository(WithdrawalRow).findOneBy({ id, memberId });
    if (!row) throw notFound();
    return row;
  }

  /** Console queue: by status and promoter, newest first. */
  async list(filter: { status?: WithdrawalStatus; memberId?: number }, query: PageQueryDto, role: StaffRole): Promise<Paginated<AdminWithdrawal>> {
    const [rows, total] = await this.dataSource.getRepository(WithdrawalRow).findAndCount({
      where: { ...(filter.status ? { status: filter.status } : {}), ...(filter.memberId ? { memberId: filter.memberId } : {}) },
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return paginated(await this.adminViews(rows, role), total, query);
  }

  async one(id: number, role: StaffRole): Promise<AdminWithdrawal> {
    const row = await this.dataSource.getRepository(WithdrawalRow).findOneBy({ id });
    if (!row) throw notFound();
    return (await this.adminViews([row], role))[0];
  }

  /** requested → approved by one staff member (a conditional update: a second approver gets 409), then the bill. */
  async approve(id: number, staff: StaffRow): Promise<AdminWithdrawal> {
    const won = await this.transactions.single((manager) =>
      manager.update(WithdrawalRow, { id, status: 'requested' }, { status: 'approved', reviewedByStaffId: staff.id, reviewedAt: new Date() }),
    );
    if (!won.affected) throw await this.conflictOrMissing(id);
    await this.transfers.startBill(id);
    return this.one(id, staff.role);
  }

  /** requested → rejected with the reason the promoter reads; the held amount goes back in the same transaction. */
  async reject(id: number, staff: StaffRow, reason: string): Promise<AdminWithdrawal> {
    await this.transactions.run(async (manager) => {
      const row = await lockedForUpdate(manager.createQueryBuilder(WithdrawalRow, 'w').where('w.id = :id', { id })).getOne();
      if (!row) throw notFound();
      if (row.status !== 'requested') throw stateConflict(row.status);
      const now = new Date();
      await manager.update(WithdrawalRow, { id, status: 'requested' }, { status: 'rejected', rejectReason: reason, reviewedByStaffId: staff.id, reviewedAt: now, finishedAt: now });
      await this.ledger.release(manager, row.memberId, row.outBillNo, row.amountFen, '提现退回：未通过审核');
    });
    return this.one(id, staff.role);
  }

  async cancel(id: number, staff: StaffRow): Promise<AdminWithdrawal> {
    await this.transfers.cancel(id, staff.id);
    return this.one(id, staff.role);
  }

  /** Staff's 刷新状态: what WeChat says now (query first), as the sweep would. */
  async refresh(id: number, staff: StaffRow): Promise<AdminWithdrawal> {
    await this.one(id, staff.role);
    await this.transfers.reconcile(id);
    return this.one(id, staff.role);
  }

  private async conflictOrMissing(id: number): Promise<ApiException> {
    const row = await this.dataSource.getRepository(WithdrawalRow).findOneBy({ id });
    return row ? stateConflict(row.status, row.status === 'requested' ? '请重试' : `这笔提现已${WITHDRAWAL_STATUS_LABELS[row.status]}`) : notFound();
  }

  /** What the member asked for on `day` and has not had back (rejected, failed and cancelled do not count). */
  private async withdrawnOn(manager: DataSource['manager'], memberId: number, day: string): Promise<number> {
    const sum = await manager.sum(WithdrawalRow, 'amountFen', { memberId, requestDay: day, status: Not(In(RETURNED)) });
    return Number(sum ?? 0);
  }

  private async adminViews(rows: WithdrawalRow[], role: StaffRole): Promise<AdminWithdrawal[]> {
    const memberIds = [...new Set(rows.map((row) => row.memberId))];
    const staffIds = [...new Set(rows.flatMap((row) => [row.reviewedByStaffId, row.cancelledByStaffId]).filter((id): id is number => id !== null))];
    const [members, staff] = await Promise.all([
      memberIds.length ? this.dataSource.getRepository(MemberRow).findBy({ id: In(memberIds) }) : [],
      staffIds.length ? this.dataSource.getRepository(StaffRow).findBy({ id: In(staffIds) }) : [],
    ]);
    const memberOf = new Map(members.map((member) => [member.id, member]));
    const nameOf = (staffId: number | null) => (staffId === null ? null : (staff.find((one) => one.id === staffId)?.displayName ?? null));
    const fullPhone = FULL_PHONE_ROLES.includes(role);
    return rows.map((row) => {
      const member = memberOf.get(row.memberId);
      return {
        ...toWithdrawal(row),
        memberId: row.memberId,
        nickname: member?.nickname ?? '',
        phone: fullPhone ? (member?.phone ?? null) : maskPhone(member?.phone),
        outBillNo: row.outBillNo,
        transferBillNo: row.transferBillNo,
        failReason: row.failReason,
        lastError: row.lastError,
        reviewedByStaffId: row.reviewedByStaffId,
        reviewedByName: nameOf(row.reviewedByStaffId),
        cancelledByStaffId: row.cancelledByStaffId,
        cancelledByName: nameOf(row.cancelledByStaffId),
        cancelRequestedAt: row.cancelRequestedAt?.toISOString() ?? null,
        wechatCheckedAt: row.wechatCheckedAt?.toISOString() ?? null,
      };
    });
  }
}

export function toWithdrawal(row: WithdrawalRow): Withdrawal {
  return {
    id: row.id,
    amountFen: row.amountFen,
    status: row.status,
    statusText: row.status === 'waiting' && row.wechatState === 'TRANSFERING' ? '到账中' : WITHDRAWAL_STATUS_LABELS[row.status],
    rejectReason: row.rejectReason,
    failReasonText: row.status === 'failed' ? failReasonText(row.failReason) : null,
    wechatState: row.wechatState,
    canConfirm: row.status === 'waiting' && CONFIRMABLE_STATES.includes(row.wechatState ?? ''),
    requestedAt: row.requestedAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

const amountInvalid = (message: string, details: Record<string, unknown>) => new ApiException('WITHDRAWAL_AMOUNT_INVALID', HttpStatus.BAD_REQUEST, message, details);

const dailyLimit = (limitFen: number, leftFen: number) =>
  new ApiException('WITHDRAWAL_DAILY_LIMIT', HttpStatus.CONFLICT, `每天最多提现 ¥${formatFen(limitFen)}，今天还可提现 ¥${formatFen(leftFen)}`, { dailyLimitFen: limitFen, todayLeftFen: leftFen });
