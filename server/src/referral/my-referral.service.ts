import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { chinaDay, startOfChinaDay, type AdminCommissionRecord, type MyPromoterStatus, type Paginated, type ReferralLedgerEntry, type TeamMember } from '../../../shared';
import { MemberRow } from '../members/member.entity';
import type { PageQueryDto } from '../platform/http/page-query.dto';
import { BindingsService } from './bindings.service';
import { CommissionsService } from './commissions.service';
import { PromoterLedger } from './promoter-ledger';
import { PromotersService } from './promoters.service';
import type { CommissionQueryDto, TeamQueryDto } from './referral.dto';
import { ReferralSettingsService } from './referral-settings.service';
import { TeamsService } from './teams.service';

/** What a member sees of their own 分销: everything scoped to the caller. */
@Injectable()
export class MyReferralService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: ReferralSettingsService,
    private readonly promoters: PromotersService,
    private readonly bindings: BindingsService,
    private readonly teams: TeamsService,
    private readonly commissionRecords: CommissionsService,
    private readonly promoterLedger: PromoterLedger,
  ) {}

  async status(memberId: number): Promise<MyPromoterStatus> {
    const settings = await this.settings.current();
    await this.promoters.promoteIfQualified(memberId, settings);
    const [row, referrer, counts, figures, totals] = await Promise.all([
      this.promoters.statusOf(this.dataSource.manager, memberId),
      this.bindings.currentReferrerOf(memberId),
      this.teams.counts(memberId),
      this.promoterLedger.figures(memberId),
      this.commissionRecords.totalsOf(memberId, startOfChinaDay(chinaDay(new Date()))),
    ]);
    const referrerMember = referrer ? await this.dataSource.getRepository(MemberRow).findOneBy({ id: referrer.referrerMemberId }) : null;
    const everyoneNoMinimum = settings.enabled && settings.programMode === 'everyone' && settings.everyoneMinSpendFen === null;
    const waitingForSpend = settings.enabled && settings.programMode === 'everyone' && settings.everyoneMinSpendFen !== null && !row;
    return {
      programEnabled: settings.enabled,
      programMode: settings.programMode,
      status: row?.status ?? (everyoneNoMinimum ? 'active' : null),
      rejectReason: row?.status === 'rejected' ? row.rejectReason : null,
      freezeReason: row?.status === 'frozen' ? row.freezeReason : null,
      spendToGoFen: waitingForSpend ? Math.max(0, settings.everyoneMinSpendFen! - (await this.promoters.netSpentFen(memberId))) : null,
      referrer: referrer ? { memberId: referrer.referrerMemberId, nickname: referrerMember?.nickname ?? '' } : null,
      teamLevel1Count: counts.level1,
      teamLevel2Count: counts.level2,
      balanceFen: figures.balanceFen,
      debtFen: figures.debtFen,
      frozenCommissionFen: totals.frozenFen,
      settledCommissionFen: totals.settledFen,
      reversedCommissionFen: totals.reversedFen,
      todayCommissionFen: totals.todayFen,
      totalCommissionFen: totals.frozenFen + totals.settledFen,
    };
  }

  async apply(memberId: number, note: string): Promise<MyPromoterStatus> {
    await this.promoters.apply(memberId, note.trim());
    return this.status(memberId);
  }

  team(memberId: number, query: TeamQueryDto): Promise<Paginated<TeamMember>> {
    return this.teams.page(memberId, query.level, query);
  }

  commissions(memberId: number, query: CommissionQueryDto): Promise<Paginated<AdminCommissionRecord>> {
    return this.commissionRecords.page({ promoterMemberId: memberId, status: query.status }, query);
  }

  ledger(memberId: number, query: PageQueryDto): Promise<Paginated<ReferralLedgerEntry>> {
    return this.promoterLedger.page(memberId, query);
  }
}
