import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { FULL_PHONE_ROLES, maskPhone, type AdminTeamMember, type Paginated, type PromoterTeamTree, type StaffRole, type TeamMember } from '../../../shared';
import { MemberRow } from '../members/member.entity';
import { ApiException } from '../platform/errors/api-exception';
import { paginated, type PageQueryDto } from '../platform/http/page-query.dto';
import { CurrentReferrerRow } from './current-referrer.entity';

/** How many level-1 members a tree shows (the console's tree is for looking, the paginated team list is for reading all). */
const TREE_LEVEL1_LIMIT = 200;

/** Bindings in force: permanent, or not lapsed yet (valid_days mode). */
function inForce<T extends object>(query: SelectQueryBuilder<T>, alias: string, now: Date): SelectQueryBuilder<T> {
  return query.andWhere(new Brackets((where) => where.where(`${alias}.expiresAt IS NULL`).orWhere(`${alias}.expiresAt > :now`, { now })));
}

/**
 * A promoter's team: level 1 = members whose current referrer is the promoter, level 2 = members whose
 * referrer is in level 1. There is no level 3: the tree stops at two by construction.
 */
@Injectable()
export class TeamsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private level1Query(referrerIds: number[], now: Date): SelectQueryBuilder<CurrentReferrerRow> {
    const query = this.dataSource.createQueryBuilder(CurrentReferrerRow, 'c1').where('c1.referrerMemberId IN (:...referrerIds)', { referrerIds });
    return inForce(query, 'c1', now);
  }

  private level2Query(promoterId: number, now: Date): SelectQueryBuilder<CurrentReferrerRow> {
    const query = this.dataSource.createQueryBuilder(CurrentReferrerRow, 'c2').innerJoin(CurrentReferrerRow, 'c1', 'c1.memberId = c2.referrerMemberId').where('c1.referrerMemberId = :promoterId', { promoterId });
    return inForce(inForce(query, 'c1', now), 'c2', now);
  }

  async counts(promoterId: number, now = new Date()): Promise<{ level1: number; level2: number }> {
    const [level1, level2] = await Promise.all([this.level1Query([promoterId], now).getCount(), this.level2Query(promoterId, now).getCount()]);
    return { level1, level2 };
  }

  async level1Counts(promoterIds: number[], now = new Date()): Promise<Map<number, number>> {
    if (promoterIds.length === 0) return new Map();
    const rows: { referrerMemberId: number; count: string | number }[] = await this.level1Query(promoterIds, now)
      .select('c1.referrerMemberId', 'referrerMemberId')
      .addSelect('COUNT(*)', 'count')
      .groupBy('c1.referrerMemberId')
      .getRawMany();
    return new Map(rows.map((row) => [Number(row.referrerMemberId), Number(row.count)]));
  }

  /** `GET /referral/team?level=`: newest first, phones masked. */
  async page(promoterId: number, level: 1 | 2, query: PageQueryDto, now = new Date()): Promise<Paginated<TeamMember>> {
    const builder = level === 1 ? this.level1Query([promoterId], now) : this.level2Query(promoterId, now);
    const alias = level === 1 ? 'c1' : 'c2';
    const [rows, total] = await builder.orderBy(`${alias}.boundAt`, 'DESC').addOrderBy(`${alias}.memberId`, 'DESC').skip(query.offset).take(query.pageSize).getManyAndCount();
    const members = await this.members(rows.map((row) => row.memberId));
    return paginated(
      rows.map((row) => {
        const member = members.get(row.memberId);
        return {
          memberId: row.memberId,
          nickname: member?.nickname ?? '',
          avatarUrl: member?.avatarUrl ?? '',
          phoneMasked: maskPhone(member?.phone),
          joinedAt: row.boundAt.toISOString(),
        };
      }),
      total,
      query,
    );
  }

  /** Console: the promoter's team two levels deep. */
  async tree(promoterId: number, role: StaffRole, now = new Date()): Promise<PromoterTeamTree> {
    const promoter = await this.dataSource.getRepository(MemberRow).findOneBy({ id: promoterId });
    if (!promoter) throw new ApiException('MEMBER_NOT_FOUND', HttpStatus.NOT_FOUND, '会员不存在');
    const level1 = await this.level1Query([promoterId], now).orderBy('c1.boundAt', 'ASC').take(TREE_LEVEL1_LIMIT).getMany();
    const level2 = level1.length ? await this.level1Query(level1.map((row) => row.memberId), now).orderBy('c1.boundAt', 'ASC').getMany() : [];
    const members = await this.members([...level1, ...level2].map((row) => row.memberId));
    const fullPhone = FULL_PHONE_ROLES.includes(role);
    const view = (row: CurrentReferrerRow): AdminTeamMember => {
      const member = members.get(row.memberId);
      return { memberId: row.memberId, nickname: member?.nickname ?? '', phone: fullPhone ? (member?.phone ?? null) : maskPhone(member?.phone), joinedAt: row.boundAt.toISOString() };
    };
    return {
      memberId: promoterId,
      nickname: promoter.nickname ?? '',
      level1: level1.map((row) => ({ ...view(row), level2: level2.filter((child) => child.referrerMemberId === row.memberId).map(view) })),
    };
  }

  private async members(ids: number[]): Promise<Map<number, MemberRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(MemberRow).findBy({ id: In(ids) });
    return new Map(rows.map((row) => [row.id, row]));
  }
}
