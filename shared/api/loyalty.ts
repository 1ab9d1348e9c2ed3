import type { Fen } from '../money';

/**
 * A member level (会员等级): reached by the amount a member paid over a trailing window (refunds
 * deducted). `GET /api/v1/admin/member-levels` lists them by rank (the lowest, rank 0, needs nothing).
 */
export interface MemberLevel {
  id: number;
  name: string;
  /** 0 = the entry level; higher is better. */
  rank: number;
  /** Net paid over the window needed to hold this level. */
  minPaidFen: Fen;
  /** Member price: the share of the price a member of this level pays on eligible products (95 = 95折; 100 = no discount). */
  memberPricePercent: number;
  /** Goods at or above this amount ship free for this level (null: the shop's own rule only). */
  freeShippingThresholdFen: Fen | null;
}

// ---------------------------------------------------------------------------------------------
// Level configuration (admin)
// ---------------------------------------------------------------------------------------------

/** Bounds the server enforces on the level list (the console validates the same). */
export const MEMBER_LEVEL_RULES = {
  minLevels: 2,
  maxLevels: 8,
  nameMaxLength: 10,
  /** No threshold (level or free shipping) above 1 000 000 元. */
  maxFen: 100_000_000,
  minPercent: 1,
  maxPercent: 100,
} as const;

/** One tier in `PUT /api/v1/admin/member-levels`; its rank is its position in the list. */
export interface MemberLevelInput {
  name: string;
  minPaidFen: Fen;
  memberPricePercent: number;
  freeShippingThresholdFen: Fen | null;
}

/**
 * `GET /api/v1/admin/member-levels` → MemberLevel[] (by rank).
 * `PUT /api/v1/admin/member-levels` body SaveMemberLevelsRequest → MemberLevel[] (the whole list, replaced).
 * Rules: 2–8 tiers; the first needs 0; minPaidFen strictly increasing; percent 1–100; names 1–10 characters.
 * Errors: 400 VALIDATION_FAILED (field details) or 400 MEMBER_LEVELS_INVALID (details.field names the tier).
 * Tiers keep their id by rank: changing the list re-evaluates every member's level shortly after.
 */
export interface SaveMemberLevelsRequest {
  levels: MemberLevelInput[];
}

/**
 * `GET /api/v1/admin/loyalty-settings` → LoyaltySettings;
 * `PUT /api/v1/admin/loyalty-settings` body LoyaltySettings (all fields) → LoyaltySettings.
 */
export interface LoyaltySettings {
  /** Trailing window of paid amount that decides the level (30–1095 days). */
  levelWindowDays: number;
  /** Points earned per 1 元 of goods actually paid (0–100; 0 switches earning off). */
  pointsEarnedPerYuan: number;
  /** Points worth 1 元 when redeemed at checkout (1–10000). */
  pointsPerYuan: number;
  /** Max share of the goods (after coupon) points may pay (0–100; 0 switches redemption off). */
  pointsMaxSharePercent: number;
  /** Earned points expire this many months after they were earned (1–120). */
  pointsExpiryMonths: number;
}

export const LOYALTY_SETTINGS_RANGES: Record<keyof LoyaltySettings, { min: number; max: number }> = {
  levelWindowDays: { min: 30, max: 1095 },
  pointsEarnedPerYuan: { min: 0, max: 100 },
  pointsPerYuan: { min: 1, max: 10000 },
  pointsMaxSharePercent: { min: 0, max: 100 },
  pointsExpiryMonths: { min: 1, max: 120 },
};

// ---------------------------------------------------------------------------------------------
// Points ledger
// ---------------------------------------------------------------------------------------------

/** Why the points balance changed. */
export const POINTS_REASONS = [
  'order_completed',
  'order_redeemed',
  'order_cancelled_return',
  'order_refunded_return',
  'order_refunded_takeback',
  'expired',
  'staff_adjustment',
  'invite_reward',
] as const;
export type PointsReason = (typeof POINTS_REASONS)[number];

export const POINTS_REASON_LABELS: Record<PointsReason, string> = {
  order_completed: '订单完成获得',
  order_redeemed: '下单抵扣',
  order_cancelled_return: '订单取消退回',
  order_refunded_return: '订单退款退回',
  order_refunded_takeback: '订单退款扣回',
  expired: '积分过期',
  staff_adjustment: '客服调整',
  invite_reward: '邀请有礼',
};

/** One row of the points ledger. */
export interface PointsLedgerEntry {
  id: number;
  /** Positive: credited; negative: debited. */
  delta: number;
  balanceAfter: number;
  reason: PointsReason;
  orderNo: string | null;
  /** For credited points: when what is left of them expires. */
  expiresAt: string | null;
  /** E.g. the staff's reason, or what could not be taken back on a refund. */
  note: string | null;
  createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Shopper
// ---------------------------------------------------------------------------------------------

/** The points rule in words and numbers, for the member center. */
export interface PointsRule {
  pointsEarnedPerYuan: number;
  pointsPerYuan: number;
  pointsMaxSharePercent: number;
  pointsExpiryMonths: number;
}

/**
 * `GET /api/v1/me/membership` → MembershipCard: the member center's level card.
 */
export interface MembershipCard {
  level: MemberLevel;
  /** Paid over the window (refunds deducted). */
  netPaidFen: Fen;
  levelWindowDays: number;
  /** Null at the top level. */
  nextLevel: MemberLevel | null;
  /** How much more to pay to reach nextLevel (0 when at the top). */
  fenToNextLevel: Fen;
  /** Every level by rank, with its benefits. */
  levels: MemberLevel[];
  pointsBalance: number;
  /** Points that expire within the next 30 days, and the earliest date among them. */
  pointsExpiringSoon: number;
  pointsExpiringSoonAt: string | null;
  pointsRule: PointsRule;
}

/** `GET /api/v1/me/points?page=&pageSize=` → Paginated<PointsLedgerEntry>, newest first. */
export type MyPointsQuery = { page?: number; pageSize?: number };

// ---------------------------------------------------------------------------------------------
// Admin: one member
// ---------------------------------------------------------------------------------------------

/** A row of a member's level history. */
export interface MemberLevelChange {
  id: number;
  fromLevelName: string | null;
  toLevelName: string;
  /** order_paid / order_refunded / sweep (an order left the window, or the levels or the window changed) */
  reason: string;
  netPaidFen: Fen;
  changedAt: string;
}

/**
 * `GET /api/v1/admin/members/:id/loyalty` (MEMBER_READ_ROLES) → AdminMemberLoyalty.
 * `GET /api/v1/admin/members/:id/points?page=&pageSize=` (MEMBER_READ_ROLES) → Paginated<AdminPointsLedgerEntry>.
 */
export interface AdminMemberLoyalty {
  memberId: number;
  level: MemberLevel;
  netPaidFen: Fen;
  pointsBalance: number;
  /** The points rule's rate (LoyaltySettings.pointsPerYuan), so staff see what an adjustment is worth in 元. */
  pointsPerYuan: number;
  levelHistory: MemberLevelChange[];
}

/** A ledger row as staff see it: a hand adjustment names the staff member who made it. */
export interface AdminPointsLedgerEntry extends PointsLedgerEntry {
  staff: { id: number; displayName: string } | null;
}

/**
 * `POST /api/v1/admin/members/:id/points-adjustments` (POINTS_ADJUST_ROLES) body AdjustPointsRequest
 * → AdminPointsLedgerEntry. delta is a non-zero integer in −1 000 000..1 000 000; |delta| above the role's
 * limit (pointsAdjustLimitFor: ±STAFF_POINTS_ADJUST_LIMIT for customer service, none for owner and operator)
 * → 403 POINTS_ADJUST_LIMIT_EXCEEDED (details { limit, delta }); a debit larger than the balance → 409
 * POINTS_INSUFFICIENT. reason: 1–100 characters. The ledger row records the staff member.
 */
export interface AdjustPointsRequest {
  delta: number;
  reason: string;
}
