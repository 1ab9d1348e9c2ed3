import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { inducedSharingPhrase, inviteSummary, rewardTextOf, type InviteRule, type InviteRuleView } from '../../../../shared';
import { CouponTemplateRow } from '../../coupons/coupon-template.entity';
import { ShortLivedValue } from '../../platform/cache/short-lived-value';
import { SINGLE_ROW_ID, writeSingleRow } from '../../platform/database/single-row';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { ApiException } from '../../platform/errors/api-exception';
import { ReferralSettingsService } from '../referral-settings.service';
import { InviteRuleRow } from './invite-rule.entity';

/** A new shop: 邀请有礼 off, nothing chosen yet. */
export const DEFAULT_INVITE_RULE: InviteRule = { enabled: false, rewardKind: 'coupon', couponTemplateId: null, points: null, ruleText: '' };

/** How long an instance uses its copy of the rule (checkout reads it for every order); a save here forgets it at once. */
const INVITE_RULE_CACHE_MS = 5_000;

const ruleInvalid = (message: string, details: Record<string, unknown> = {}) => new ApiException('INVITE_RULE_INVALID', HttpStatus.BAD_REQUEST, message, details);

/**
 * The 邀请有礼 rule (one row): on/off, the reward (a coupon template or N points) and the owner's words. A coupon
 * must exist and be grantable (进行中, not expired, coupons left) when saved; the text may not promise anything for
 * sharing or registering (WeChat forbids 诱导分享).
 */
@Injectable()
export class InviteRuleService {
  private readonly cached = new ShortLivedValue(INVITE_RULE_CACHE_MS, () => this.get());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly referralSettings: ReferralSettingsService,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<InviteRule> {
    const row = await manager.findOneBy(InviteRuleRow, { id: SINGLE_ROW_ID });
    return row ? toRule(row) : DEFAULT_INVITE_RULE;
  }

  /** Up to INVITE_RULE_CACHE_MS old (read with `manager` when stale inside a transaction). */
  current(manager?: EntityManager): Promise<InviteRule> {
    return this.cached.get(manager && (() => this.get(manager)));
  }

  /** The rule with its reward in words and the plain-words summary. */
  async view(rule?: InviteRule): Promise<InviteRuleView> {
    const current = rule ?? (await this.get());
    const template = current.rewardKind === 'coupon' && current.couponTemplateId !== null ? await this.dataSource.getRepository(CouponTemplateRow).findOneBy({ id: current.couponTemplateId }) : null;
    const rewardText = rewardTextOf(current, template?.name ?? null);
    const { afterSaleWindowDays } = await this.referralSettings.current();
    return { ...current, rewardText, couponName: template?.name ?? null, afterSaleWindowDays, summary: inviteSummary(current.enabled, rewardText, afterSaleWindowDays) };
  }

  async save(input: InviteRule, now = new Date()): Promise<InviteRuleView> {
    const rule = toRule(input);
    rule.ruleText = rule.ruleText.trim();
    const forbidden = inducedSharingPhrase(rule.ruleText);
    if (forbidden) throw ruleInvalid(`规则说明不能承诺分享、转发、进群或注册就有奖励（“${forbidden}”）：微信禁止诱导分享，奖励只在好友首单完成后发放`, { field: 'ruleText', phrase: forbidden });
    if (rule.rewardKind === 'coupon') {
      rule.points = null;
      if (rule.couponTemplateId === null) {
        if (rule.enabled) throw ruleInvalid('请选择奖励的优惠券', { field: 'couponTemplateId' });
      } else {
        await this.assertGrantable(rule.couponTemplateId, now);
      }
    } else {
      rule.couponTemplateId = null;
      if (rule.points === null && rule.enabled) throw ruleInvalid('请填写奖励的积分数', { field: 'points' });
    }
    await this.transactions.run((manager) => writeSingleRow(manager, InviteRuleRow, rule));
    this.cached.forget();
    return this.view();
  }

  private async assertGrantable(templateId: number, now: Date): Promise<void> {
    const template = await this.dataSource.getRepository(CouponTemplateRow).findOneBy({ id: templateId });
    if (!template) throw ruleInvalid('所选优惠券不存在', { field: 'couponTemplateId', couponTemplateId: templateId });
    if (template.status !== 'active') throw ruleInvalid(`所选优惠券「${template.name}」不是进行中，不能发放`, { field: 'couponTemplateId', status: template.status });
    if (template.validTo && template.validTo.getTime() < now.getTime()) throw ruleInvalid(`所选优惠券「${template.name}」已过期`, { field: 'couponTemplateId' });
    if (template.claimedCount >= template.totalQuantity) throw ruleInvalid(`所选优惠券「${template.name}」已发完，请先加量`, { field: 'couponTemplateId' });
  }
}

function toRule(source: InviteRule): InviteRule {
  return {
    enabled: Boolean(source.enabled),
    rewardKind: source.rewardKind,
    couponTemplateId: source.couponTemplateId ?? null,
    points: source.points ?? null,
    ruleText: source.ruleText ?? '',
  };
}
