import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { FULL_PHONE_ROLES, formatFen, maskPhone, type DueForRepurchaseRow, type Paginated, type StaffRole } from '../../../shared';
import { MemberRow } from '../members/member.entity';
import { EXPORT_MAX_ROWS } from '../orders/admin-orders.service';
import { fieldError } from '../platform/errors/api-exception';
import { paginated } from '../platform/http/page-query.dto';
import type { DueForRepurchaseQueryDto } from './analytics.dto';
import { chinaDay, daysBetween } from '../../../shared/china-time';
import { MemberPurchaseStatsRow } from './member-purchase-stats.entity';
import { csvDocument } from '../platform/http/csv-document';

const CSV_HEADER = ['会员ID', '昵称', '手机号', '会员等级ID', '付款订单数', '累计实付（元）', '最近付款日期', '预计复购日期', '逾期天数'];

/** Members past their expected next purchase, most overdue first: whom the shop should bring back now. */
@Injectable()
export class DueForRepurchaseService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filter: DueForRepurchaseQueryDto, role: StaffRole, now: Date = new Date()): Promise<Paginated<DueForRepurchaseRow>> {
    const [stats, total] = await this.filtered(filter, now).skip(filter.offset).take(filter.pageSize).getManyAndCount();
    return paginated(await this.rows(stats, role, now), total, filter);
  }

  /** UTF-8 with a BOM so Excel reads the Chinese; the same rows as the list, without paging. */
  async exportCsv(filter: DueForRepurchaseQueryDto, role: StaffRole, now: Date = new Date()): Promise<string> {
    const rows = await this.rows(await this.filtered(filter, now).take(EXPORT_MAX_ROWS).getMany(), role, now);
    const lines = rows.map((row) => [
      row.memberId,
      row.nickname ?? '',
      row.phone ?? '',
      row.levelId ?? '',
      row.paidOrderCount,
      formatFen(row.totalNetPaidFen),
      chinaDay(new Date(row.lastPaidAt)),
      row.expectedNextPurchaseDate,
      row.daysOverdue,
    ]);
    return csvDocument(CSV_HEADER, lines);
  }

  private filtered(filter: DueForRepurchaseQueryDto, now: Date): SelectQueryBuilder<MemberPurchaseStatsRow> {
    if (filter.minSpentFen !== undefined && filter.maxSpentFen !== undefined && filter.minSpentFen > filter.maxSpentFen) {
      throw fieldError('maxSpentFen', '不能小于 minSpentFen');
    }
    const query = this.dataSource
      .getRepository(MemberPurchaseStatsRow)
      .createQueryBuilder('s')
      .where('s.expectedNextDate < :today', { today: chinaDay(now) })
      .orderBy('s.expectedNextDate', 'ASC')
      .addOrderBy('s.memberId', 'ASC');
    if (filter.levelId !== undefined) {
      query.innerJoin(MemberRow, 'm', 'm.id = s.memberId').andWhere('m.levelId = :levelId', { levelId: filter.levelId });
    }
    if (filter.minSpentFen !== undefined) query.andWhere('s.totalNetPaidFen >= :minSpent', { minSpent: filter.minSpentFen });
    if (filter.maxSpentFen !== undefined) query.andWhere('s.totalNetPaidFen <= :maxSpent', { maxSpent: filter.maxSpentFen });
    return query;
  }

  private async rows(stats: MemberPurchaseStatsRow[], role: StaffRole, now: Date): Promise<DueForRepurchaseRow[]> {
    if (stats.length === 0) return [];
    const members = await this.dataSource.getRepository(MemberRow).find({
      select: { id: true, nickname: true, phone: true, levelId: true },
      where: { id: In(stats.map((row) => row.memberId)) },
    });
    const byId = new Map(members.map((member) => [member.id, member]));
    const today = chinaDay(now);
    return stats.map((row) => {
      const member = byId.get(row.memberId);
      return {
        memberId: row.memberId,
        nickname: member?.nickname ?? null,
        phone: FULL_PHONE_ROLES.includes(role) ? (member?.phone ?? null) : maskPhone(member?.phone),
        levelId: member?.levelId ?? null,
        paidOrderCount: row.paidOrderCount,
        totalNetPaidFen: row.totalNetPaidFen,
        lastPaidAt: row.lastPaidAt.toISOString(),
        expectedNextPurchaseDate: row.expectedNextDate,
        expectedNextBasis: row.expectedNextBasis,
        daysOverdue: daysBetween(row.expectedNextDate, today),
      };
    });
  }
}
