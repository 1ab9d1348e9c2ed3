import type { AdminCouponTemplate, CouponCenterItem, CouponScopeItem, MyCoupon } from '../../../shared';
import { ruleText, scopeText, validityText } from './coupon-rules';
import type { CouponTemplateRow } from './coupon-template.entity';
import type { MemberCouponRow } from './member-coupon.entity';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toAdminCouponTemplate(row: CouponTemplateRow, scopeNames: ReadonlyMap<number, string>): AdminCouponTemplate {
  const scopeItems: CouponScopeItem[] = row.scopeIds.map((id) => ({ id, name: scopeNames.get(id) ?? `#${id}（已删除）` }));
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    thresholdFen: row.thresholdFen,
    amountOffFen: row.amountOffFen,
    payPercent: row.payPercent,
    maxDiscountFen: row.maxDiscountFen,
    ruleText: ruleText(row),
    scope: row.scope,
    scopeIds: row.scopeIds,
    scopeItems,
    validityKind: row.validityKind,
    validFrom: iso(row.validFrom),
    validTo: iso(row.validTo),
    validDays: row.validDays,
    validityText: validityText(row),
    totalQuantity: row.totalQuantity,
    perMemberLimit: row.perMemberLimit,
    channel: row.channel,
    status: row.status,
    claimedCount: row.claimedCount,
    usedCount: row.usedCount,
    editable: row.claimedCount === 0 && row.status !== 'ended',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A public template as the coupon center shows it to a member who has received `claimedByMe` of it. */
export function toCouponCenterItem(row: CouponTemplateRow, claimedByMe: number): CouponCenterItem {
  const remaining = Math.max(0, row.totalQuantity - row.claimedCount);
  const blockedBy = claimedByMe >= row.perMemberLimit ? 'limit_reached' : remaining === 0 ? 'sold_out' : null;
  return {
    templateId: row.id,
    name: row.name,
    type: row.type,
    ruleText: ruleText(row),
    scopeText: scopeText(row.scope),
    validityText: validityText(row),
    thresholdFen: row.thresholdFen,
    amountOffFen: row.amountOffFen,
    payPercent: row.payPercent,
    maxDiscountFen: row.maxDiscountFen,
    remaining,
    perMemberLimit: row.perMemberLimit,
    claimedByMe,
    canClaim: blockedBy === null,
    blockedBy,
  };
}

export function toMyCoupon(coupon: MemberCouponRow, template: CouponTemplateRow, orderNo: string | null, now: Date): MyCoupon {
  const status = coupon.status === 'used' ? 'used' : coupon.validTo.getTime() < now.getTime() ? 'expired' : 'unused';
  return {
    id: coupon.id,
    templateId: template.id,
    name: template.name,
    type: template.type,
    ruleText: ruleText(template),
    scopeText: scopeText(template.scope),
    thresholdFen: template.thresholdFen,
    amountOffFen: template.amountOffFen,
    payPercent: template.payPercent,
    maxDiscountFen: template.maxDiscountFen,
    source: coupon.source,
    status,
    validFrom: coupon.validFrom.toISOString(),
    validTo: coupon.validTo.toISOString(),
    receivedAt: coupon.createdAt.toISOString(),
    usedAt: iso(coupon.usedAt),
    orderNo: status === 'used' ? orderNo : null,
  };
}
