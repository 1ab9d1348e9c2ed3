import type { Fen } from '../money';

/** Why a coupon the member holds cannot be used on this checkout. */
export const COUPON_UNUSABLE_REASONS = ['below_threshold', 'out_of_scope', 'expired', 'not_yet_valid'] as const;
export type CouponUnusableReason = (typeof COUPON_UNUSABLE_REASONS)[number];

export const COUPON_UNUSABLE_REASON_LABELS: Record<CouponUnusableReason, string> = {
  below_threshold: '未达到使用门槛',
  out_of_scope: '所选商品不在适用范围',
  expired: '已过期',
  not_yet_valid: '未到使用时间',
};

/** One of the member's unused coupons, judged against a checkout's lines. */
export interface CouponOption {
  /** The member's coupon (what checkout sends back as memberCouponId). */
  memberCouponId: number;
  templateId: number;
  name: string;
  /** A short rule text, e.g. 满200减30 / 8.8折 最多减50 / 无门槛减10. */
  ruleText: string;
  /** The template's terms, for drawing the coupon (its face when it does not apply). */
  type: CouponType;
  thresholdFen: Fen;
  amountOffFen: Fen | null;
  payPercent: number | null;
  maxDiscountFen: Fen | null;
  /** What it takes off these lines (0 when unusable). */
  discountFen: Fen;
  usable: boolean;
  reason: CouponUnusableReason | null;
  validFrom: string;
  validTo: string;
}

// ─── Coupon templates (券模板) ──────────────────────────────────────────────────────────────

/**
 * 满减 amount_off: `amountOffFen` off when the eligible amount reaches `thresholdFen` (> 0).
 * 折扣 percent_off: the shopper pays `payPercent`% of the eligible amount (88 = 8.8折), at most `maxDiscountFen` off;
 *   `thresholdFen` optional (0 = none).
 * 无门槛 no_threshold: `amountOffFen` off, no threshold (thresholdFen is 0).
 * 新人券 newcomer: `amountOffFen` off with an optional threshold; issued automatically at a member's first login
 *   (every active newcomer template, while its quantity lasts), never claimable in the coupon center.
 * Discounts apply to the eligible lines only (the scope) and never exceed their amount.
 */
export const COUPON_TYPES = ['amount_off', 'percent_off', 'no_threshold', 'newcomer'] as const;
export type CouponType = (typeof COUPON_TYPES)[number];
export const COUPON_TYPE_LABELS: Record<CouponType, string> = {
  amount_off: '满减券',
  percent_off: '折扣券',
  no_threshold: '无门槛券',
  newcomer: '新人券',
};

/** all: every product; categories: products of these categories (a top-level category covers its subcategories); products: these products. */
export const COUPON_SCOPES = ['all', 'categories', 'products'] as const;
export type CouponScope = (typeof COUPON_SCOPES)[number];
export const COUPON_SCOPE_LABELS: Record<CouponScope, string> = {
  all: '全部商品',
  categories: '指定分类',
  products: '指定商品',
};

/** fixed: usable from validFrom to validTo; days_after_claim: usable for validDays days from the moment it is received. */
export const COUPON_VALIDITY_KINDS = ['fixed', 'days_after_claim'] as const;
export type CouponValidityKind = (typeof COUPON_VALIDITY_KINDS)[number];

/** public: shown in 领券中心 and on product pages, shoppers claim it; staff: only staff issue it to chosen members. */
export const COUPON_CHANNELS = ['public', 'staff'] as const;
export type CouponChannel = (typeof COUPON_CHANNELS)[number];
export const COUPON_CHANNEL_LABELS: Record<CouponChannel, string> = {
  public: '公开领取',
  staff: '仅员工发放',
};

/** active → paused → active (resume); active|paused → ended (final). Only active templates can be claimed or issued;
 * coupons already received stay usable whatever the template's status. */
export const COUPON_TEMPLATE_STATUSES = ['active', 'paused', 'ended'] as const;
export type CouponTemplateStatus = (typeof COUPON_TEMPLATE_STATUSES)[number];
export const COUPON_TEMPLATE_STATUS_LABELS: Record<CouponTemplateStatus, string> = {
  active: '进行中',
  paused: '已暂停',
  ended: '已结束',
};

/** Upper bound of every amount on a template (100 000 元). */
export const COUPON_MAX_AMOUNT_FEN: Fen = 10_000_000;
/** Upper bounds of quantities and validity days. */
export const COUPON_MAX_TOTAL_QUANTITY = 10_000_000;
export const COUPON_MAX_PER_MEMBER_LIMIT = 100;
export const COUPON_MAX_VALID_DAYS = 3650;

/**
 * `POST /api/v1/admin/coupon-templates` (roles COUPON_ADMIN_ROLES) → 201 AdminCouponTemplate.
 * Bad input → 400 VALIDATION_FAILED naming the field (amounts 0..COUPON_MAX_AMOUNT_FEN, payPercent 1..99,
 * validTo after validFrom, …); unknown scope ids → 400 CATEGORY_NOT_FOUND / PRODUCT_NOT_FOUND (details.ids).
 */
export interface CreateCouponTemplateRequest {
  name: string;
  type: CouponType;
  /** 0 = no threshold. Required > 0 for amount_off; always 0 for no_threshold (a value given is ignored). */
  thresholdFen?: Fen;
  /** amount_off / no_threshold / newcomer: 1..COUPON_MAX_AMOUNT_FEN. Not allowed for percent_off. */
  amountOffFen?: Fen | null;
  /** percent_off only: the share the shopper pays, 1..99 (88 = 8.8折). */
  payPercent?: number | null;
  /** percent_off only: the most it takes off, 1..COUPON_MAX_AMOUNT_FEN. */
  maxDiscountFen?: Fen | null;
  scope: CouponScope;
  /** categories: category ids; products: product ids; all: empty/omitted. 1..200 ids. */
  scopeIds?: number[];
  validityKind: CouponValidityKind;
  /** fixed: ISO times, validTo after validFrom. */
  validFrom?: string | null;
  validTo?: string | null;
  /** days_after_claim: 1..COUPON_MAX_VALID_DAYS. */
  validDays?: number | null;
  /** 1..COUPON_MAX_TOTAL_QUANTITY. */
  totalQuantity: number;
  /** 1..COUPON_MAX_PER_MEMBER_LIMIT. */
  perMemberLimit: number;
  /** Ignored for newcomer templates (issued automatically). */
  channel: CouponChannel;
}

/**
 * `PATCH /api/v1/admin/coupon-templates/:id` (COUPON_ADMIN_ROLES) → AdminCouponTemplate. Ended templates cannot be
 * edited (409 COUPON_TEMPLATE_STATE_CONFLICT).
 * Always editable: name, channel, totalQuantity (never below claimedCount: 400 VALIDATION_FAILED on totalQuantity),
 * perMemberLimit (once claimed: only raised), validTo of a fixed window (once claimed: only later).
 * Everything else (type, amounts, threshold, percent, scope, validity kind/from/days) only while nobody has
 * claimed it: afterwards 409 COUPON_TEMPLATE_LOCKED (details.fields, also for perMemberLimit lowered or validTo
 * earlier), because members hold coupons under those rules. Fields that do not apply to the resulting type,
 * scope or validity kind are cleared (switching 满减 to 折扣 drops amountOffFen).
 */
export type UpdateCouponTemplateRequest = Partial<CreateCouponTemplateRequest>;

/** `GET /api/v1/admin/coupon-templates?status=&type=&keyword=&page=&pageSize=` (COUPON_READ_ROLES) → Paginated<AdminCouponTemplate>,
 * newest first. `GET /api/v1/admin/coupon-templates/:id` → AdminCouponTemplate (404 COUPON_TEMPLATE_NOT_FOUND). */
export interface AdminCouponTemplateQuery {
  status?: CouponTemplateStatus;
  type?: CouponType;
  /** Leave out one type (the 直播 drawer lists staff coupons without newcomer ones). */
  excludeType?: CouponType;
  channel?: CouponChannel;
  keyword?: string;
  page?: number;
  pageSize?: number;
}

export interface CouponScopeItem {
  id: number;
  name: string;
}

export interface AdminCouponTemplate {
  id: number;
  name: string;
  type: CouponType;
  thresholdFen: Fen;
  amountOffFen: Fen | null;
  payPercent: number | null;
  maxDiscountFen: Fen | null;
  /** e.g. 满200减30 / 8.8折 最多减50 / 无门槛减10 */
  ruleText: string;
  scope: CouponScope;
  scopeIds: number[];
  /** Names of the scope's categories or products, in scopeIds order. */
  scopeItems: CouponScopeItem[];
  validityKind: CouponValidityKind;
  validFrom: string | null;
  validTo: string | null;
  validDays: number | null;
  /** e.g. 2026-11-01 至 2026-11-30 / 领取后 7 天内有效 */
  validityText: string;
  totalQuantity: number;
  perMemberLimit: number;
  channel: CouponChannel;
  status: CouponTemplateStatus;
  claimedCount: number;
  usedCount: number;
  /** Nobody has claimed it yet: every field may still change. */
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * `POST /api/v1/admin/coupon-templates/:id/pause` (active → paused), `/resume` (paused → active),
 * `/end` (active|paused → ended, final) (COUPON_ADMIN_ROLES) → AdminCouponTemplate.
 * From any other state → 409 COUPON_TEMPLATE_STATE_CONFLICT (details.status = the current status).
 */

/**
 * `GET /api/v1/admin/coupon-templates/:id/stats` (COUPON_READ_ROLES).
 * Orders it drove = orders that used one of its coupons, were paid (paidAt set) and are not refunded or being
 * refunded (status paid, shipped, completed or after_sale); gmvFen = the sum of their payableFen,
 * discountFen = the sum of their couponDiscountFen.
 */
export interface CouponTemplateStats {
  templateId: number;
  claimedCount: number;
  /** Coupons spent on orders (including orders not yet paid; given back if such an order is cancelled). */
  usedCount: number;
  /** Received, not used, still or not yet valid. */
  unusedCount: number;
  /** Received, not used, past validTo. */
  expiredCount: number;
  orderCount: number;
  gmvFen: Fen;
  discountFen: Fen;
}

/**
 * `POST /api/v1/admin/coupon-templates/:id/issue` (COUPON_ISSUE_ROLES): one coupon to each chosen member.
 * `memberIds` and/or `text` (a pasted list, or the text of a CSV/TXT file the console read from an upload; at most
 * 5 000 entries in all: one member id or 11-digit phone number per line, the first column counts; a header line
 * such as `手机号` is skipped as invalid).
 * Only an active template can be issued (409 COUPON_TEMPLATE_STATE_CONFLICT); its total quantity and per-member
 * limit apply as for claiming. One coupon per member per request (repeated lines are skipped as duplicate).
 */
export interface IssueCouponsRequest {
  memberIds?: number[];
  text?: string;
}

export const COUPON_ISSUE_SKIP_REASONS = ['invalid', 'member_not_found', 'duplicate', 'limit_reached', 'sold_out', 'not_active'] as const;
export type CouponIssueSkipReason = (typeof COUPON_ISSUE_SKIP_REASONS)[number];
export const COUPON_ISSUE_SKIP_REASON_LABELS: Record<CouponIssueSkipReason, string> = {
  invalid: '不是会员 ID 或手机号',
  member_not_found: '会员不存在',
  duplicate: '重复',
  limit_reached: '已达每人限领数量',
  sold_out: '券已发完',
  not_active: '优惠券已暂停或结束',
};

export interface CouponIssueLine {
  /** Where the entry came from; lines answer in that order (memberIds first, then text). */
  source: 'memberIds' | 'text';
  /** 1-based: the position in memberIds, or the line number in text (blank lines are left out of the answer). */
  line: number;
  input: string;
  memberId: number | null;
  result: 'issued' | 'skipped';
  reason: CouponIssueSkipReason | null;
  /** The member's new coupon when issued. */
  memberCouponId: number | null;
}

export interface IssueCouponsResponse {
  issued: number;
  skipped: number;
  lines: CouponIssueLine[];
}

// ─── Shopper side ───────────────────────────────────────────────────────────────────────────

/** Why the shopper cannot claim a template now. */
export const COUPON_CLAIM_BLOCKS = ['limit_reached', 'sold_out'] as const;
export type CouponClaimBlock = (typeof COUPON_CLAIM_BLOCKS)[number];

/**
 * `GET /api/v1/coupons/center` (member auth optional: without a token claimedByMe is 0) → CouponCenterItem[]:
 * active public templates (not newcomer), newest first.
 * `GET /api/v1/products/:productId/coupons` (auth optional) → CouponCenterItem[]: the same, only those whose scope
 * covers the product (404 PRODUCT_NOT_FOUND for an unknown product).
 */
export interface CouponCenterItem {
  templateId: number;
  name: string;
  type: CouponType;
  ruleText: string;
  /** e.g. 全部商品可用 / 指定分类可用 / 指定商品可用 */
  scopeText: string;
  validityText: string;
  thresholdFen: Fen;
  amountOffFen: Fen | null;
  payPercent: number | null;
  maxDiscountFen: Fen | null;
  /** totalQuantity − claimedCount */
  remaining: number;
  perMemberLimit: number;
  claimedByMe: number;
  canClaim: boolean;
  /** Why canClaim is false (null when it is true). */
  blockedBy: CouponClaimBlock | null;
}

/**
 * `POST /api/v1/coupons/:templateId/claim` (member auth, no body) → 201 MyCoupon.
 * 404 COUPON_TEMPLATE_NOT_FOUND (unknown, staff-only or newcomer template); 409 COUPON_LIMIT_REACHED,
 * 409 COUPON_SOLD_OUT, 409 COUPON_NOT_CLAIMABLE (paused or ended; details.status).
 */

export const MY_COUPON_STATUSES = ['unused', 'used', 'expired'] as const;
export type MyCouponStatus = (typeof MY_COUPON_STATUSES)[number];
export const MY_COUPON_STATUS_LABELS: Record<MyCouponStatus, string> = {
  unused: '未使用',
  used: '已使用',
  expired: '已过期',
};

/** How the member received it. */
/** invite_reward: 邀请有礼, one per invited friend whose first order completed (not capped by perMemberLimit). */
export const MEMBER_COUPON_SOURCES = ['claim', 'newcomer', 'staff', 'invite_reward'] as const;
export type MemberCouponSource = (typeof MEMBER_COUPON_SOURCES)[number];

/**
 * `GET /api/v1/me/coupons?status=unused|used|expired&page=&pageSize=` (member auth; status defaults to unused)
 * → Paginated<MyCoupon>. unused = not used and validTo not passed (includes not yet valid ones), soonest to expire
 * first; used = newest use first; expired = not used and validTo passed, most recently expired first.
 */
export interface MyCouponQuery {
  status?: MyCouponStatus;
  page?: number;
  pageSize?: number;
}

export interface MyCoupon {
  /** The member coupon id (what checkout sends as memberCouponId). */
  id: number;
  templateId: number;
  name: string;
  type: CouponType;
  ruleText: string;
  scopeText: string;
  thresholdFen: Fen;
  amountOffFen: Fen | null;
  payPercent: number | null;
  maxDiscountFen: Fen | null;
  source: MemberCouponSource;
  status: MyCouponStatus;
  validFrom: string;
  validTo: string;
  receivedAt: string;
  usedAt: string | null;
  /** The order it was used on (status used). */
  orderNo: string | null;
}
