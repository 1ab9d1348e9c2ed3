import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { FULL_PHONE_ROLES, maskPhone, type AdminPromoter, type Paginated, type PromoterStatus, type ReferralSettings, type StaffRole } from '../../../shared';
import { MemberRow } from '../members/member.entity';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { escapeLike } from '../platform/database/like';
import { ApiException } from '../platform/errors/api-exception';
import { paginated } from '../platform/http/page-query.dto';
import type { AdminPromoterQueryDto } from './referral.dto';
import { PromoterAccountRow } from './promoter-account.entity';
import { PromoterRow } from './promoter.entity';
import { TeamsService } from './teams.service';
import { ReferralSettingsService } from './referral-settings.service';

const promoterNotFound = () => new ApiException('PROMOTER_NOT_FOUND', HttpStatus.NOT_FOUND, '推广员不存在');
const stateConflict = (status: PromoterStatus, message: string) => new ApiException('PROMOTER_STATE_CONFLICT', HttpStatus.CONFLICT, message, { status });

/**
 * What a member paid for orders still counted (paid, not cancelled or fully refunded), minus refunds, as a SQL
 * expression over the member id expression `member` (人人分销's minimum spend).
 */
export const netSpentSql = (member: string) =>
  `(SELECT COALESCE(SUM(o.payableFen - o.refundedFen), 0) FROM orders o WHERE o.memberId = ${member} AND o.paidAt IS NOT NULL AND o.status NOT IN ('cancelled', 'refunded'))`;

/**
 * Whether a member may earn as a promoter, from their row's status (null: no row), the settings and, for
 * 人人分销 with a minimum, what they spent: an active row, or in 人人分销 any member without a row who has no
 * minimum to reach or reached it (such a member is made a promoter when first seen: promoteIfQualified, checkout).
 */
export function isPromoter(status: PromoterStatus | null, settings: ReferralSettings, spentFen = 0): boolean {
  if (status !== null) return status === 'active';
  return settings.programMode === 'everyone' && (settings.everyoneMinSpendFen === null || spentFen >= settings.everyoneMinSpendFen);
}

/** 人人分销's promoter row: an insert that keeps an existing row, so it never revives a frozen promoter. */
export async function insertAutoPromoter(manager: EntityManager, memberId: number, at: Date): Promise<void> {
  await manager.createQueryBuilder().insert().into(PromoterRow).values({ memberId, status: 'active', source: 'auto', appliedAt: at, decidedAt: at }).orIgnore().execute();
}

/** The staff decisions on a promoter: each a conditional update from the status it expects. */
const DECISIONS = {
  approve: { from: 'pending', to: 'active', wrong: '只能通过待审核的申请' },
  reject: { from: 'pending', to: 'rejected', wrong: '只能拒绝待审核的申请' },
  freeze: { from: 'active', to: 'frozen', wrong: '只能冻结推广员' },
  unfreeze: { from: 'frozen', to: 'active', wrong: '只能解冻已冻结的推广员' },
} as const satisfies Record<string, { from: PromoterStatus; to: PromoterStatus; wrong: string }>;
export type PromoterDecision = keyof typeof DECISIONS;

/**
 * Promoters: 指定分销 applications and staff decisions, 人人分销's automatic promotion (after the minimum spend,
 * if any). Becoming a promoter never costs a fee or a purchase beyond the owner's optional spend threshold.
 */
@Injectable()
export class PromotersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly settings: ReferralSettingsService,
    private readonly teams: TeamsService,
  ) {}

  statusOf(manager: EntityManager, memberId: number): Promise<PromoterRow | null> {
    return manager.findOneBy(PromoterRow, { memberId });
  }

  /** `POST /referral/promoter/apply`: 指定分销 only; a rejected member may apply again; applying twice answers the pending row. */
  async apply(memberId: number, note: string): Promise<PromoterRow> {
    const settings = await this.settings.current();
    if (!settings.enabled) throw new ApiException('REFERRAL_PROGRAM_OFF', HttpStatus.CONFLICT, '店铺还没有开启分销');
    if (settings.programMode === 'everyone') {
      throw new ApiException('PROMOTER_APPLY_NOT_NEEDED', HttpStatus.CONFLICT, '本店人人都是推广员，无需申请');
    }
    const now = new Date();
    return this.transactions.run(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(PromoterRow)
        .values({ memberId, status: 'pending', source: 'applied', applyNote: note, appliedAt: now })
        .orIgnore()
        .execute();
      await manager.update(PromoterRow, { memberId, status: 'rejected' }, { status: 'pending', applyNote: note, appliedAt: now, rejectReason: null, decidedAt: null, decidedByStaffId: null });
      const row = await manager.findOneByOrFail(PromoterRow, { memberId });
      if (row.status === 'active') throw stateConflict(row.status, '你已经是推广员了');
      if (row.status === 'frozen') throw stateConflict(row.status, '你的推广资格已被冻结，请联系客服');
      return row;
    });
  }

  /** Staff: approve / reject (with a reason) / freeze (with a reason) / unfreeze. */
  async decide(memberId: number, decision: PromoterDecision, staffId: number, reason: string | null = null): Promise<PromoterRow> {
    const rule = DECISIONS[decision];
    const changes: Partial<PromoterRow> = { status: rule.to, decidedAt: new Date(), decidedByStaffId: staffId };
    if (decision === 'reject') changes.rejectReason = reason;
    if (decision === 'freeze') changes.freezeReason = reason;
    if (decision === 'unfreeze') changes.freezeReason = null;
    return this.transactions.run(async (manager) => {
      const result = await manager.update(PromoterRow, { memberId, status: rule.from }, changes);
      const row = await manager.findOneBy(PromoterRow, { memberId });
      if (!row) throw promoterNotFound();
      if (!result.affected) throw stateConflict(row.status, rule.wrong);
      return row;
    });
  }

  /**
   * 人人分销: makes the member a promoter when they qualify (no minimum, or their paid orders net of refunds
   * reached it). Runs when the member opens the promoter center; checkout does the same for the earners of an order.
   */
  async promoteIfQualified(memberId: number, settings: ReferralSettings): Promise<void> {
    if (!settings.enabled || settings.programMode !== 'everyone') return;
    if (await this.dataSource.getRepository(PromoterRow).existsBy({ memberId })) return;
    if (!isPromoter(null, settings, settings.everyoneMinSpendFen === null ? 0 : await this.netSpentFen(memberId))) return;
    await this.transactions.run((manager) => insertAutoPromoter(manager, memberId, new Date()));
  }

  async netSpentFen(memberId: number): Promise<number> {
    const rows: { spent: string | number }[] = await this.dataSource.query(`SELECT ${netSpentSql('?')} AS spent`, [memberId]);
    return Number(rows[0]?.spent ?? 0);
  }

  /** Console list: by status (the apply queue is status=pending), nickname or phone; newest applications first. */
  async list(query: AdminPromoterQueryDto, role: StaffRole): Promise<Paginated<AdminPromoter>> {
    const builder = this.dataSource.createQueryBuilder(PromoterRow, 'p').innerJoin(MemberRow, 'm', 'm.id = p.memberId');
    if (query.status) builder.andWhere('p.status = :status', { status: query.status });
    if (query.keyword) {
      builder.andWhere("(m.nickname LIKE :like ESCAPE '!' OR m.phone LIKE :like ESCAPE '!')", { like: `%${escapeLike(query.keyword)}%` });
    }
    const [rows, total] = await builder.orderBy('p.appliedAt', 'DESC').addOrderBy('p.memberId', 'DESC').skip(query.offset).take(query.pageSize).getManyAndCount();
    const ids = rows.map((row) => row.memberId);
    const [members, accounts, teams] = await Promise.all([
      ids.length ? this.dataSource.getRepository(MemberRow).findBy({ id: In(ids) }) : [],
      ids.length ? this.dataSource.getRepository(PromoterAccountRow).findBy({ memberId: In(ids) }) : [],
      this.teams.level1Counts(ids),
    ]);
    const memberOf = new Map(members.map((member) => [member.id, member]));
    const accountOf = new Map(accounts.map((account) => [account.memberId, account]));
    const fullPhone = FULL_PHONE_ROLES.includes(role);
    return paginated(
      rows.map((row) => {
        const member = memberOf.get(row.memberId);
        return {
          memberId: row.memberId,
          nickname: member?.nickname ?? '',
          phone: fullPhone ? (member?.phone ?? null) : maskPhone(member?.phone),
          status: row.status,
          source: row.source,
          applyNote: row.applyNote,
          rejectReason: row.rejectReason,
          freezeReason: row.freezeReason,
          appliedAt: row.appliedAt.toISOString(),
          decidedAt: row.decidedAt?.toISOString() ?? null,
          teamLevel1Count: teams.get(row.memberId) ?? 0,
          balanceFen: accountOf.get(row.memberId)?.balanceFen ?? 0,
          debtFen: accountOf.get(row.memberId)?.debtFen ?? 0,
        };
      }),
      total,
      query,
    );
  }
}
