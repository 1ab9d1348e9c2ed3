import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AdminMemberLoyalty, MembershipCard } from '../../../shared';
import { MemberRow } from '../members/member.entity';
import { ApiException } from '../platform/errors/api-exception';
import { nextLevelAfter } from './level-rules';
import { LoyaltySettingsService } from './loyalty-settings.service';
import { MemberLevelChangeRow } from './member-level-change.entity';
import { MemberLevelsService } from './member-levels.service';
import { PointsService } from './points.service';

const HISTORY_LIMIT = 50;

/** The member's level and points as the member center and the console show them. */
@Injectable()
export class MembershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly levels: MemberLevelsService,
    private readonly settings: LoyaltySettingsService,
    private readonly points: PointsService,
  ) {}

  async card(memberId: number, now: Date = new Date()): Promise<MembershipCard> {
    const member = await this.member(memberId);
    const [levels, settings, expiring] = await Promise.all([this.levels.list(), this.settings.get(), this.points.expiringSoon(memberId, now)]);
    const level = await this.levels.levelOf(member.levelId, levels);
    const { netPaidFen } = await this.levels.netPaid(memberId, settings.levelWindowDays, now);
    const nextLevel = nextLevelAfter(levels, level);
    return {
      level,
      netPaidFen,
      levelWindowDays: settings.levelWindowDays,
      nextLevel,
      fenToNextLevel: nextLevel ? Math.max(0, nextLevel.minPaidFen - netPaidFen) : 0,
      levels,
      pointsBalance: member.pointsBalance,
      pointsExpiringSoon: expiring.points,
      pointsExpiringSoonAt: expiring.at?.toISOString() ?? null,
      pointsRule: {
        pointsEarnedPerYuan: settings.pointsEarnedPerYuan,
        pointsPerYuan: settings.pointsPerYuan,
        pointsMaxSharePercent: settings.pointsMaxSharePercent,
        pointsExpiryMonths: settings.pointsExpiryMonths,
      },
    };
  }

  async forStaff(memberId: number): Promise<AdminMemberLoyalty> {
    const member = await this.member(memberId);
    const settings = await this.settings.get();
    const history = await this.dataSource.getRepository(MemberLevelChangeRow).find({
      where: { memberId },
      order: { id: 'DESC' },
      take: HISTORY_LIMIT,
    });
    return {
      memberId,
      level: await this.levels.levelOf(member.levelId),
      netPaidFen: (await this.levels.netPaid(memberId, settings.levelWindowDays)).netPaidFen,
      pointsBalance: member.pointsBalance,
      pointsPerYuan: settings.pointsPerYuan,
      levelHistory: history.map((change) => ({
        id: change.id,
        fromLevelName: change.fromLevelName,
        toLevelName: change.toLevelName,
        reason: change.reason,
        netPaidFen: change.netPaidFen,
        changedAt: change.changedAt.toISOString(),
      })),
    };
  }

  private async member(memberId: number): Promise<MemberRow> {
    const member = await this.dataSource.getRepository(MemberRow).findOneBy({ id: memberId });
    if (!member) throw new ApiException('MEMBER_NOT_FOUND', HttpStatus.NOT_FOUND, '会员不存在');
    return member;
  }
}
