import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { FULL_PHONE_ROLES, maskPhone, rewardTextOf, type AdminInviteReward, type InvitedFriend, type MyInvites, type Paginated, type StaffRole } from '../../../../shared';
import { CouponGrantService, GrantRefused } from '../../coupons/coupon-grant.service';
import { CouponTemplateRow } from '../../coupons/coupon-template.entity';
import { PointsService } from '../../loyalty/points.service';
import { MemberRow } from '../../members/member.entity';
import { OrderRow } from '../../orders/order.entity';
import { lockedForUpdate } from '../../platform/database/locking-read';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { paginated, type PageQueryDto } from '../../platform/http/page-query.dto';
import { CurrentReferrerRow } from '../current-referrer.entity';
import { InviteOrderInviterRow } from './invite-order-inviter.entity';
import { InviteRewardRow } from './invite-reward.entity';
import { InviteRuleService } from './invite-rule.service';

const REFUNDED_NOTE = '首单已全额退款，不发放奖励';
const GRANT_REFUSED_NOTES: Record<GrantRefused['reason'], string> = {
  sold_out: '奖励的优惠券已发完',
  not_active: '奖励的优惠券已暂停或结束',
  limit_reached: '奖励的优惠券已达每人限领',
};

/** A reward the sweep may decide: its order refunded in full, or completed before the cut-off (the window has passed). */
export interface DueInviteReward {
  id: number;
}

/**
 * 邀请有礼: records the reward when an invited friend's FIRST order is paid (with the inviter fixed when that order
 * was placed, see InviteOrderInviterRow), and grants it once the order is completed and the after-sale window has
 * passed: a coupon through the coupon system (source invite_reward) or points through the points ledger. A first
 * order refunded in full grants nothing; a partial refund still grants (the friend kept part of the order and it
 * completed). Nothing here reacts to a share, a registration or a binding.
 */
@Injectable()
export class InviteRewardsService {
  private readonly logger = new Logger('InviteRewards');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly rules: InviteRuleService,
    private readonly coupons: CouponGrantService,
    private readonly points: PointsService,
  ) {}

  /**
   * In the transaction that marks an order paid: when the order was placed by an invited friend with no paid order
   * before (a snapshot exists) and no other order of theirs has been paid, the friend's reward is recorded, waiting,
   * with what the rule promises now. The unique invitee makes it once per friend, also when two first orders are
   * paid at the same moment. Rule off: nothing (and no read).
   */
  async recordFirstPaidOrder(manager: EntityManager, orderId: number): Promise<void> {
    const rule = await this.rules.current(manager);
    if (!rule.enabled) return;
    const inviter = await manager.findOneBy(InviteOrderInviterRow, { orderId });
    if (!inviter) return;
    const paidBefore = await manager
      .createQueryBuilder(OrderRow, 'o')
      .where('o.memberId = :memberId AND o.id <> :orderId AND o.paidAt IS NOT NULL', { memberId: inviter.inviteeMemberId, orderId })
      .getExists();
    if (paidBefore) return;
    const order = await manager.findOneOrFail(OrderRow, { select: { id: true, orderNo: true }, where: { id: orderId } });
    const template = rule.rewardKind === 'coupon' && rule.couponTemplateId !== null ? await manager.findOneBy(CouponTemplateRow, { id: rule.couponTemplateId }) : null;
    const rewardText = rewardTextOf(rule, template?.name ?? null);
    if (!rewardText) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(InviteRewardRow)
      .values({
        inviteeMemberId: inviter.inviteeMemberId,
        inviterMemberId: inviter.inviterMemberId,
        orderId,
        orderNo: order.orderNo,
        invitedAt: inviter.boundAt,
        status: 'waiting',
        rewardKind: rule.rewardKind,
        couponTemplateId: rule.rewardKind === 'coupon' ? rule.couponTemplateId : null,
        points: rule.rewardKind === 'points' ? rule.points : null,
        rewardText,
      })
      .orIgnore()
      .execute();
  }

  /** Waiting rewards whose order was refunded in full, or completed on or before `completedBefore`; oldest first. */
  due(completedBefore: Date, limit: number): Promise<DueInviteReward[]> {
    return this.dataSource
      .createQueryBuilder(InviteRewardRow, 'r')
      .innerJoin(OrderRow, 'o', 'o.id = r.orderId')
      .select(['r.id'])
      .where("r.status = 'waiting'")
      .andWhere("(o.status = 'refunded' OR (o.status = 'completed' AND o.completedAt <= :completedBefore))", { completedBefore })
      .orderBy('r.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * Decides one waiting reward: void when its order was refunded in full; granted (waiting → granted, conditional,
   * with the coupon or the points in the same transaction) when the order is completed and was so on or before
   * `completedBefore`. A coupon that can no longer be granted (sold out, paused, ended) makes it failed, with why.
   * Answers whether this call changed it (a parallel sweep that lost answers false and grants nothing).
   */
  async decide(rewardId: number, completedBefore: Date, now = new Date()): Promise<boolean> {
    try {
      return await this.transactions.run(async (manager) => {
        const reward = await lockedForUpdate(manager.createQueryBuilder(InviteRewardRow, 'r').where('r.id = :rewardId', { rewardId })).getOne();
        if (!reward || reward.status !== 'waiting') return false;
        const order = await manager.findOneOrFail(OrderRow, { select: { id: true, status: true, completedAt: true }, where: { id: reward.orderId } });
        if (order.status === 'refunded') return this.move(manager, reward.id, { status: 'void', note: REFUNDED_NOTE });
        if (order.status !== 'completed' || !order.completedAt || order.completedAt.getTime() > completedBefore.getTime()) return false;
        if (!(await this.move(manager, reward.id, { status: 'granted', grantedAt: now }))) return false;
        if (reward.rewardKind === 'coupon') {
          const template = await manager.findOneBy(CouponTemplateRow, { id: reward.couponTemplateId! });
          if (!template) throw new GrantRefused('not_active', 'ended');
          const coupon = await this.coupons.grant(manager, template, reward.inviterMemberId, 'invite_reward', now);
          await manager.update(InviteRewardRow, { id: reward.id }, { memberCouponId: coupon.id });
        } else {
          await this.points.creditInviteReward(manager, { memberId: reward.inviterMemberId, points: reward.points!, inviteeOrderId: reward.orderId, note: '邀请好友首单完成奖励' });
        }
        return true;
      });
    } catch (error) {
      if (!(error instanceof GrantRefused)) throw error;
      this.logger.warn(`invite reward ${rewardId} not granted: ${error.reason}`);
      return this.transactions.run((manager) => this.move(manager, rewardId, { status: 'failed', note: GRANT_REFUSED_NOTES[error.reason] }));
    }
  }

  /** waiting → `changes.status`, conditional on still waiting. */
  private async move(manager: EntityManager, rewardId: number, changes: Partial<InviteRewardRow>): Promise<boolean> {
    const updated = await manager.update(InviteRewardRow, { id: rewardId, status: 'waiting' }, changes);
    return updated.affected === 1;
  }

  /** `GET /referral/invites`: the rule, what the member earned, and the friends they invited (newest first). */
  async mine(memberId: number, query: PageQueryDto, now = new Date()): Promise<MyInvites> {
    const rule = await this.rules.view();
    const [friends, earned] = await Promise.all([this.friends(memberId, query, rule.afterSaleWindowDays, now), this.earned(memberId)]);
    const { enabled, rewardKind, rewardText, summary, ruleText, afterSaleWindowDays } = rule;
    return { ...friends, rule: { enabled, rewardKind, rewardText, summary, ruleText, afterSaleWindowDays }, earned };
  }

  /**
   * The friends a member invited: whose referral binding in force names the member, and those whose first order
   * made the member their inviter (kept after a later rebinding).
   */
  private async friends(inviterId: number, query: PageQueryDto, windowDays: number, now: Date): Promise<Paginated<InvitedFriend>> {
    const union = `SELECT c.memberId AS memberId, c.boundAt AS invitedAt FROM referral_current_referrers c
                    WHERE c.referrerMemberId = :inviterId AND (c.expiresAt IS NULL OR c.expiresAt > :now)
                   UNION ALL
                   SELECT r.inviteeMemberId AS memberId, r.invitedAt AS invitedAt FROM referral_invite_rewards r WHERE r.inviterMemberId = :inviterId`;
    const run = <T>(sql: string, extra: Record<string, unknown> = {}): Promise<T[]> => {
      const [text, parameters] = this.dataSource.driver.escapeQueryWithParameters(sql, { inviterId, now, ...extra }, {});
      return this.dataSource.query(text, parameters);
    };
    const [counted, rows] = await Promise.all([
      run<{ total: string | number }>(`SELECT COUNT(*) AS total FROM (SELECT f.memberId FROM (${union}) f GROUP BY f.memberId) t`),
      run<{ memberId: string | number }>(
        `SELECT f.memberId AS memberId, MAX(f.invitedAt) AS invitedAt FROM (${union}) f GROUP BY f.memberId ORDER BY invitedAt DESC, memberId DESC LIMIT :take OFFSET :skip`,
        { take: query.pageSize, skip: query.offset },
      ),
    ]);
    const ids = rows.map((row) => Number(row.memberId));
    if (ids.length === 0) return paginated([], Number(counted[0]?.total ?? 0), query);
    const [members, bindings, rewards, orders] = await Promise.all([
      this.dataSource.getRepository(MemberRow).findBy({ id: In(ids) }),
      this.dataSource.getRepository(CurrentReferrerRow).findBy({ memberId: In(ids), referrerMemberId: inviterId }),
      this.dataSource.getRepository(InviteRewardRow).findBy({ inviteeMemberId: In(ids), inviterMemberId: inviterId }),
      this.dataSource
        .createQueryBuilder(OrderRow, 'o')
        .select('o.memberId', 'memberId')
        .addSelect('MAX(CASE WHEN o.paidAt IS NOT NULL THEN 1 ELSE 0 END)', 'paid')
        .addSelect("MAX(CASE WHEN o.status = 'pending_payment' THEN 1 ELSE 0 END)", 'pending')
        .where('o.memberId IN (:...ids)', { ids })
        .groupBy('o.memberId')
        .getRawMany<{ memberId: number | string; paid: number | string; pending: number | string }>(),
    ]);
    // A waiting reward whose order was refunded in full is shown void at once (the sweep records it later).
    const waitingOrderIds = rewards.filter((reward) => reward.status === 'waiting').map((reward) => reward.orderId);
    const refunded = new Set(
      waitingOrderIds.length === 0 ? [] : (await this.dataSource.getRepository(OrderRow).find({ select: { id: true }, where: { id: In(waitingOrderIds), status: 'refunded' } })).map((order) => order.id),
    );
    const byId = <T>(list: T[], key: (row: T) => number) => new Map(list.map((row) => [key(row), row]));
    const memberOf = byId(members, (row) => row.id);
    const bindingOf = byId(bindings, (row) => row.memberId);
    const rewardOf = byId(rewards, (row) => row.inviteeMemberId);
    const ordersOf = byId(orders, (row) => Number(row.memberId));
    const items = ids.map((id): InvitedFriend => {
      const member = memberOf.get(id);
      const reward = rewardOf.get(id);
      const facts = ordersOf.get(id);
      const invitedAt = reward?.invitedAt ?? bindingOf.get(id)?.boundAt ?? now;
      const friend = { memberId: id, nickname: member?.nickname ?? '', avatarUrl: member?.avatarUrl ?? '', phoneMasked: maskPhone(member?.phone), invitedAt: invitedAt.toISOString() };
      if (reward) return { ...friend, ...rewardState(refunded.has(reward.orderId) ? { ...reward, status: 'void', note: REFUNDED_NOTE } : reward, windowDays) };
      if (Number(facts?.paid ?? 0)) return { ...friend, state: 'ordered', note: '好友的首单不计入邀请有礼（下单时活动未开启或还未接受邀请）', rewardText: null };
      if (Number(facts?.pending ?? 0)) return { ...friend, state: 'ordered', note: '已下单，等待付款', rewardText: null };
      return { ...friend, state: 'registered', note: '还没有下单', rewardText: null };
    });
    return paginated(items, Number(counted[0]?.total ?? 0), query);
  }

  private async earned(inviterId: number): Promise<MyInvites['earned']> {
    const row = await this.dataSource
      .createQueryBuilder(InviteRewardRow, 'r')
      .select('COUNT(*)', 'friends')
      .addSelect("SUM(CASE WHEN r.rewardKind = 'coupon' THEN 1 ELSE 0 END)", 'coupons')
      .addSelect("SUM(CASE WHEN r.rewardKind = 'points' THEN r.points ELSE 0 END)", 'points')
      .where("r.inviterMemberId = :inviterId AND r.status = 'granted'", { inviterId })
      .getRawOne<{ friends: string | number; coupons: string | number | null; points: string | number | null }>();
    return { rewardedFriends: Number(row?.friends ?? 0), coupons: Number(row?.coupons ?? 0), points: Number(row?.points ?? 0) };
  }

  /** Console: every invite reward, newest first; phones in full for FULL_PHONE_ROLES only. */
  async list(filter: { status?: InviteRewardRow['status'] }, query: PageQueryDto, role: StaffRole): Promise<Paginated<AdminInviteReward>> {
    const [rows, total] = await this.dataSource.getRepository(InviteRewardRow).findAndCount({
      where: filter.status ? { status: filter.status } : {},
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const ids = [...new Set(rows.flatMap((row) => [row.inviterMemberId, row.inviteeMemberId]))];
    const members = new Map((ids.length ? await this.dataSource.getRepository(MemberRow).findBy({ id: In(ids) }) : []).map((member) => [member.id, member]));
    const fullPhone = FULL_PHONE_ROLES.includes(role);
    const person = (memberId: number) => {
      const member = members.get(memberId);
      return { memberId, nickname: member?.nickname ?? '', phone: fullPhone ? (member?.phone ?? null) : maskPhone(member?.phone) };
    };
    return paginated(
      rows.map((row) => ({
        id: row.id,
        inviter: person(row.inviterMemberId),
        invitee: person(row.inviteeMemberId),
        orderNo: row.orderNo,
        status: row.status,
        rewardKind: row.rewardKind,
        rewardText: row.rewardText,
        memberCouponId: row.memberCouponId,
        note: row.note,
        createdAt: row.createdAt.toISOString(),
        grantedAt: row.grantedAt?.toISOString() ?? null,
      })),
      total,
      query,
    );
  }
}

/** A friend with a recorded reward, as the inviter sees it. */
function rewardState(reward: Pick<InviteRewardRow, 'status' | 'note' | 'rewardText'>, windowDays: number): Pick<InvitedFriend, 'state' | 'note' | 'rewardText'> {
  switch (reward.status) {
    case 'granted':
      return { state: 'rewarded', note: `好友首单已完成，已获得${reward.rewardText}`, rewardText: reward.rewardText };
    case 'waiting':
      return { state: 'ordered', note: `首单已付款，确认收货${windowDays > 0 ? `并过了 ${windowDays} 天售后期` : ''}后发放${reward.rewardText}`, rewardText: null };
    case 'void':
      return { state: 'ordered', note: reward.note ?? REFUNDED_NOTE, rewardText: null };
    case 'failed':
      return { state: 'ordered', note: '奖励发放未成功，请联系客服', rewardText: null };
  }
}
