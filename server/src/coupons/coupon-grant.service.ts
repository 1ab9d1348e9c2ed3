import { AnswerTags, answersChanged } from '../platform/cache/cache-changes';
import { HttpStatus, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { CouponIssueLine, CouponIssueSkipReason, CouponTemplateStatus, IssueCouponsResponse, MemberCouponSource, MyCoupon } from '../../../shared';
import { MemberRow } from '../members/member.entity';
import { MemberEvents, type MemberRegisteredPayload } from '../members/member-events';
import { EventFollowers } from '../platform/events/event-followers';
import { ApiException, fieldError } from '../platform/errors/api-exception';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { upsertRow } from '../platform/database/upsert';
import { validityOnReceipt } from './coupon-rules';
import { CouponTemplateRow } from './coupon-template.entity';
import { IssueCouponsDto, MAX_ISSUE_LINES } from './coupon-template.dto';
import { templateNotFound } from './coupon-templates.service';
import { toMyCoupon } from './coupon-views';
import { parseIssueList } from './issue-list';
import { MemberCouponCountRow } from './member-coupon-count.entity';
import { MemberCouponRow } from './member-coupon.entity';

/** Why a coupon could not be handed out; the transaction that found it is rolled back. */
export class GrantRefused extends Error {
  constructor(
    readonly reason: 'sold_out' | 'limit_reached' | 'not_active',
    readonly templateStatus: CouponTemplateStatus,
  ) {
    super(`coupon not granted: ${reason}`);
  }
}

/**
 * Hands coupons to members: a shopper's claim, staff issuing, the new-member rule. Every path goes through
 * `grant`, which enforces the total quantity and the per-member limit with conditional increments.
 */
@Injectable()
export class CouponGrantService implements OnModuleInit {
  private readonly logger = new Logger('Coupons');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly followers: EventFollowers,
  ) {}

  onModuleInit(): void {
    this.followers.register<MemberRegisteredPayload>({
      name: 'coupons.newcomer-grant',
      label: '新会员注册后发放新人券',
      on: [MemberEvents.registered],
      handle: ({ payload }) => this.grantNewcomerCoupons(payload.memberId),
    });
  }

  /** `POST /coupons/:templateId/claim`: public templates only, not newcomer ones. */
  async claim(memberId: number, templateId: number, now = new Date()): Promise<MyCoupon> {
    const template = await this.dataSource.getRepository(CouponTemplateRow).findOneBy({ id: templateId });
    if (!template || template.channel !== 'public' || template.type === 'newcomer') throw templateNotFound();
    return this.claimTemplate(memberId, template, now);
  }

  /**
   * A shopper claims one coupon of the template, whatever its channel (the caller decided they may: the coupon
   * center for public ones, a live session for its live coupon): 409 when it is not active, expired, sold out or
   * the member holds their limit. `stillAllowed`: the caller's own condition, checked first inside the claim's
   * transaction (it throws to refuse), so a change of that condition cannot land between the check and the claim.
   */
  async claimTemplate(memberId: number, template: CouponTemplateRow, now = new Date(), stillAllowed?: (manager: EntityManager) => Promise<void>): Promise<MyCoupon> {
    if (template.status !== 'active') throw notClaimable(template.status);
    if (template.validTo && template.validTo.getTime() < now.getTime()) {
      throw new ApiException('COUPON_NOT_CLAIMABLE', HttpStatus.CONFLICT, '优惠券已过期', { status: template.status });
    }
    try {
      const coupon = await this.transactions.run(async (manager) => {
        await stillAllowed?.(manager);
        return this.grant(manager, template, memberId, 'claim', now);
      });
      return toMyCoupon(coupon, template, null, now);
    } catch (error) {
      if (!(error instanceof GrantRefused)) throw error;
      switch (error.reason) {
        case 'limit_reached':
          throw new ApiException('COUPON_LIMIT_REACHED', HttpStatus.CONFLICT, `每人限领 ${template.perMemberLimit} 张，您已领满`, { perMemberLimit: template.perMemberLimit });
        case 'sold_out':
          throw new ApiException('COUPON_SOLD_OUT', HttpStatus.CONFLICT, '优惠券已被领完');
        case 'not_active':
          throw notClaimable(error.templateStatus);
      }
    }
  }

  /**
   * Every active newcomer template gives a new member one coupon; a repeated event gives nothing more (one per
   * member and newcomer template). A template that fails is retried with the event; the others are kept.
   */
  private async grantNewcomerCoupons(memberId: number): Promise<void> {
    const now = new Date();
    const templates = await this.dataSource.getRepository(CouponTemplateRow).findBy({ type: 'newcomer', status: 'active' });
    let failed: unknown = null;
    for (const template of templates) {
      if (template.validTo && template.validTo.getTime() < now.getTime()) continue;
      try {
        await this.transactions.run((manager) => this.grant(manager, template, memberId, 'newcomer', now));
      } catch (error) {
        if (error instanceof GrantRefused) continue;
        failed = error;
        this.logger.error(`newcomer coupon ${template.id} for member ${memberId} failed: ${String(error)}`);
      }
    }
    if (failed) throw failed;
  }

  /** Staff issue one coupon to each listed member, each in its own transaction; every entry answers issued or skipped. */
  async issue(templateId: number, dto: IssueCouponsDto, now = new Date()): Promise<IssueCouponsResponse> {
    const template = await this.dataSource.getRepository(CouponTemplateRow).findOneBy({ id: templateId });
    if (!template) throw templateNotFound();
    if (template.status !== 'active') {
      throw new ApiException('COUPON_TEMPLATE_STATE_CONFLICT', HttpStatus.CONFLICT, '只有进行中的优惠券可以发放', { status: template.status });
    }
    const entries = parseIssueList(dto.memberIds ?? [], dto.text ?? '');
    if (entries.length === 0) throw fieldError('text', '请填写或上传会员 ID / 手机号');
    if (entries.length > MAX_ISSUE_LINES) throw fieldError('text', `一次最多发放 ${MAX_ISSUE_LINES} 行`);

    const members = this.dataSource.getRepository(MemberRow);
    const ids = entries.filter((entry) => entry.kind === 'memberId').map((entry) => Number(entry.input));
    const phones = entries.filter((entry) => entry.kind === 'phone').map((entry) => entry.input);
    const [byId, byPhone] = await Promise.all([
      ids.length ? members.find({ select: { id: true }, where: { id: In(ids) } }) : [],
      phones.length ? members.find({ select: { id: true, phone: true }, where: { phone: In(phones) }, order: { id: 'ASC' } }) : [],
    ]);
    const knownIds = new Set(byId.map((member) => member.id));
    const idOfPhone = new Map<string, number>();
    // Should two members share a number, the earliest account receives it.
    for (const member of byPhone) if (!idOfPhone.has(member.phone!)) idOfPhone.set(member.phone!, member.id);

    const seen = new Set<number>();
    const lines: CouponIssueLine[] = [];
    for (const entry of entries) {
      const memberId = entry.kind === 'memberId' ? (knownIds.has(Number(entry.input)) ? Number(entry.input) : null) : entry.kind === 'phone' ? (idOfPhone.get(entry.input) ?? null) : null;
      const origin = { source: entry.source, line: entry.line, input: entry.input, memberId };
      const skipped = (reason: CouponIssueSkipReason) => lines.push({ ...origin, result: 'skipped', reason, memberCouponId: null });
      if (entry.kind === 'invalid') skipped('invalid');
      else if (memberId === null) skipped('member_not_found');
      else if (seen.has(memberId)) skipped('duplicate');
      else {
        seen.add(memberId);
        try {
          const coupon = await this.transactions.run((manager) => this.grant(manager, template, memberId, 'staff', now));
          lines.push({ ...origin, result: 'issued', reason: null, memberCouponId: coupon.id });
        } catch (error) {
          if (!(error instanceof GrantRefused)) throw error;
          skipped(error.reason);
        }
      }
    }
    const issued = lines.filter((line) => line.result === 'issued').length;
    return { issued, skipped: lines.length - issued, lines };
  }

  /**
   * Gives one coupon of the template to the member, inside the caller's transaction, or throws GrantRefused.
   * The template's row is taken first (a conditional increment of claimedCount below totalQuantity): its row
   * lock puts the grants of one template in a line; the member's counter row below is written by one upsert
   * (no update-then-insert on its key, which deadlocks on MariaDB) and held until the transaction ends.
   */
  async grant(manager: EntityManager, template: CouponTemplateRow, memberId: number, source: MemberCouponSource, now: Date): Promise<MemberCouponRow> {
    const taken = await manager
      .createQueryBuilder()
      .update(CouponTemplateRow)
      .set({ claimedCount: () => 'claimedCount + 1' })
      .where(`id = :id AND status = 'active' AND claimedCount < totalQuantity`, { id: template.id })
      .execute();
    if (taken.affected !== 1) {
      const latest = await manager.findOneByOrFail(CouponTemplateRow, { id: template.id });
      throw new GrantRefused(latest.status === 'active' ? 'sold_out' : 'not_active', latest.status);
    }
    // The coupon center's 剩余 changed: dropped here after the commit, on other instances by the cache's max age.
    answersChanged(manager, [AnswerTags.coupons]);

    // A new member gets one of each newcomer template however often the event arrives; an inviter gets one per
    // invited friend (the invite reward keeps its own once-per-friend key), so the per-member limit is not theirs.
    const limit = source === 'newcomer' ? 1 : source === 'invite_reward' ? Number.POSITIVE_INFINITY : template.perMemberLimit;
    // One upsert counts the coupon (creating the member's counter row the first time), then the count this
    // transaction wrote is read back; over the limit, throwing rolls both increments back.
    const key = { memberId, templateId: template.id };
    await upsertRow(manager, MemberCouponCountRow, { ...key, receivedCount: 1 }, ['memberId', 'templateId'], {
      receivedCount: ({ column }) => `${column('receivedCount')} + 1`,
    });
    const { receivedCount } = await manager.findOneByOrFail(MemberCouponCountRow, key);
    if (receivedCount > limit) throw new GrantRefused('limit_reached', 'active');

    const { validFrom, validTo } = validityOnReceipt(template, now);
    const row = manager.create(MemberCouponRow, { templateId: template.id, memberId, source, validFrom, validTo, status: 'unused', orderId: null, usedAt: null });
    return manager.save(row);
  }
}

function notClaimable(status: CouponTemplateStatus): ApiException {
  return new ApiException('COUPON_NOT_CLAIMABLE', HttpStatus.CONFLICT, status === 'paused' ? '优惠券暂停领取' : '优惠券已结束', { status });
}
