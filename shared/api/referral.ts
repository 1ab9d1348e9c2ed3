/**
 * Referral (推荐绑定) and 分销 (promoters and two-level commission). Server: server/src/referral/.
 * Never more than two levels: nothing here (settings, records, teams) has a third.
 * Nothing is ever granted for the act of sharing (WeChat 运营规范 §5.1): commission comes only from a real, paid order.
 */
import type { Fen } from '../money';

/** 人人分销 (every member is a promoter, optionally after spending a minimum) | 指定分销 (apply, staff approve). */
export const PROMOTER_PROGRAM_MODES = ['everyone', 'approved'] as const;
export type PromoterProgramMode = (typeof PROMOTER_PROGRAM_MODES)[number];
export const PROMOTER_PROGRAM_MODE_LABELS: Record<PromoterProgramMode, string> = { everyone: '人人分销', approved: '指定分销' };

/** First touch, permanent | valid for N days, then a new referrer may take over | the last touch wins. */
export const REFERRAL_BINDING_MODES = ['first_touch', 'valid_days', 'last_touch'] as const;
export type ReferralBindingMode = (typeof REFERRAL_BINDING_MODES)[number];
export const REFERRAL_BINDING_MODE_LABELS: Record<ReferralBindingMode, string> = {
  first_touch: '首次绑定，永久有效',
  valid_days: '绑定有效期（天）',
  last_touch: '最近一次分享者',
};

/** Who may be bound: everyone | only members who arrive with the link at their first login (registration). */
export const REFERRAL_BIND_SCOPES = ['everyone', 'new_members'] as const;
export type ReferralBindScope = (typeof REFERRAL_BIND_SCOPES)[number];
export const REFERRAL_BIND_SCOPE_LABELS: Record<ReferralBindScope, string> = { everyone: '所有会员', new_members: '仅新会员' };

/** Rates are basis points (1/10000): 1000 = 10%. Level 1 + level 2 may not exceed this. */
export const MAX_COMMISSION_RATE_BP = 10_000;
export const MAX_AFTER_SALE_WINDOW_DAYS = 90;
export const MAX_BINDING_VALID_DAYS = 3650;

/**
 * `GET|PUT /api/v1/admin/referral/settings` (REFERRAL_SETTINGS_ROLES). One row for the shop; a shop starts
 * with 分销 off (`enabled: false`): no applications and no commission, but who-brought-whom is still recorded.
 */
export interface ReferralSettings {
  enabled: boolean;
  programMode: PromoterProgramMode;
  /** 人人分销: a member becomes a promoter once their paid orders (net of refunds) reach this; null = at once. */
  everyoneMinSpendFen: Fen | null;
  bindingMode: ReferralBindingMode;
  /** valid_days: how long a binding lasts (1..3650, default 30). Kept but unused in the other modes. */
  bindingValidDays: number;
  bindScope: ReferralBindScope;
  /** The shop's level-1 rate (0..10000 bp). */
  level1RateBp: number;
  /** The shop's level-2 rate, or null for no level 2. Level 1 + level 2 ≤ 10000. */
  level2RateBp: number | null;
  /** 自购返佣: a promoter's own purchase earns them level-1 commission (their referrer level 2). Off by default. */
  selfPurchaseCommission: boolean;
  /** Days after an order completes before its commission settles (0..90). */
  afterSaleWindowDays: number;
  /**
   * Withdrawals (used by the withdrawal module): the least one request may ask for (WITHDRAWAL_WECHAT_MIN_FEN ..
   * WITHDRAWAL_MAX_FEN, shared/api/withdrawals.ts), and the most per China day.
   */
  withdrawalMinFen: Fen;
  withdrawalDailyLimitFen: Fen;
}

/** `PUT /api/v1/admin/referral/product-rates/:productId`: a product's own rates instead of the shop's. */
export interface ProductCommissionRate {
  productId: number;
  productTitle: string;
  level1RateBp: number;
  level2RateBp: number | null;
}
export interface SaveProductCommissionRateRequest {
  level1RateBp: number;
  level2RateBp: number | null;
}

export const PROMOTER_STATUSES = ['pending', 'active', 'rejected', 'frozen'] as const;
export type PromoterStatus = (typeof PROMOTER_STATUSES)[number];
export const PROMOTER_STATUS_LABELS: Record<PromoterStatus, string> = { pending: '待审核', active: '推广员', rejected: '未通过', frozen: '已冻结' };

/** `GET /api/v1/referral/promoter` (member): my promoter status and my team. */
export interface MyPromoterStatus {
  programEnabled: boolean;
  programMode: PromoterProgramMode;
  /** null: not a promoter and never applied. */
  status: PromoterStatus | null;
  rejectReason: string | null;
  freezeReason: string | null;
  /** 人人分销 with a minimum spend: what is still to spend before becoming a promoter (0 when reached). */
  spendToGoFen: Fen | null;
  /** Who brought me (their nickname), if anyone. */
  referrer: { memberId: number; nickname: string } | null;
  teamLevel1Count: number;
  teamLevel2Count: number;
  balanceFen: Fen;
  debtFen: Fen;
  frozenCommissionFen: Fen;
  settledCommissionFen: Fen;
  /** What refunds took back of my commission, in total (已扣回). */
  reversedCommissionFen: Fen;
  /** Commission recorded today (China day), what is left of it after refunds. */
  todayCommissionFen: Fen;
  /** All commission ever recorded, what is left of it after refunds (待结算 + 已结算). */
  totalCommissionFen: Fen;
}

/** `POST /api/v1/referral/promoter/apply` (指定分销, member): no fee, no purchase needed. */
export interface ApplyPromoterRequest {
  /** Why, optional (≤ 200). */
  note?: string;
}

/** `GET /api/v1/referral/team?level=1|2&page=&pageSize=` (member). */
export interface TeamMember {
  memberId: number;
  nickname: string;
  avatarUrl: string;
  phoneMasked: string | null;
  /** When they were bound to (level 1) or under (level 2) me. */
  joinedAt: string;
}

/** Console: `GET /api/v1/admin/referral/promoters?status=&keyword=&page=`. */
export interface AdminPromoter {
  memberId: number;
  nickname: string;
  phone: string | null;
  status: PromoterStatus;
  source: 'applied' | 'auto';
  applyNote: string;
  rejectReason: string | null;
  freezeReason: string | null;
  appliedAt: string;
  decidedAt: string | null;
  teamLevel1Count: number;
  balanceFen: Fen;
  debtFen: Fen;
}
export interface RejectPromoterRequest {
  reason: string;
}
export interface FreezePromoterRequest {
  reason: string;
}

/** `GET /api/v1/admin/referral/promoters/:memberId/team`: the team tree, two levels deep (never deeper). */
export interface PromoterTeamTree {
  memberId: number;
  nickname: string;
  level1: (AdminTeamMember & { level2: AdminTeamMember[] })[];
}
export interface AdminTeamMember {
  memberId: number;
  nickname: string;
  phone: string | null;
  joinedAt: string;
}

/** What happened to one attempt to bind a member to a referrer (`referral_bindings`). */
export const REFERRAL_BINDING_OUTCOMES = ['bound', 'rebound', 'refused'] as const;
export type ReferralBindingOutcome = (typeof REFERRAL_BINDING_OUTCOMES)[number];
export const REFERRAL_BINDING_REASONS = [
  'first_binding',
  'last_touch',
  'expired_takeover',
  'self',
  'cycle',
  'referrer_frozen',
  'referrer_not_promoter',
  'not_new_member',
  'already_bound',
] as const;
export type ReferralBindingReason = (typeof REFERRAL_BINDING_REASONS)[number];
export const REFERRAL_BINDING_REASON_LABELS: Record<ReferralBindingReason, string> = {
  first_binding: '首次绑定',
  last_touch: '最近一次分享者改绑',
  expired_takeover: '原绑定已过期，改绑',
  self: '不能绑定自己',
  cycle: '不能互相绑定（会形成循环）',
  referrer_frozen: '分享者的推广资格已冻结',
  referrer_not_promoter: '分享者还不是推广员',
  not_new_member: '仅新会员可以绑定',
  already_bound: '已有推荐人',
};

/** `GET /api/v1/admin/referral/members/:memberId/bindings`: the member's current referrer and every attempt. */
export interface MemberReferralBindings {
  current: { referrerMemberId: number; boundAt: string; expiresAt: string | null } | null;
  history: {
    id: number;
    referrerMemberId: number;
    previousReferrerMemberId: number | null;
    outcome: ReferralBindingOutcome;
    reason: ReferralBindingReason;
    reasonText: string;
    createdAt: string;
  }[];
}

/** 待结算 / 已结算 / 已扣回. */
export const COMMISSION_STATUSES = ['frozen', 'settled', 'reversed'] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];
export const COMMISSION_STATUS_LABELS: Record<CommissionStatus, string> = { frozen: '待结算', settled: '已结算', reversed: '已扣回' };

/** One commission record: one order line × one level (1 or 2). */
export interface CommissionRecord {
  id: number;
  orderNo: string;
  level: 1 | 2;
  productTitle: string;
  quantity: number;
  /** What the buyer paid for the line (after member price, coupon and points; no shipping). */
  baseFen: Fen;
  rateBp: number;
  /** The commission as first recorded: floor(baseFen × rateBp / 10000). */
  originalFen: Fen;
  /** What refunds took back of it. */
  reversedFen: Fen;
  /** originalFen − reversedFen. */
  amountFen: Fen;
  status: CommissionStatus;
  createdAt: string;
  settledAt: string | null;
}

/** `GET /api/v1/referral/commissions?status=&page=` (member). Console: `GET /api/v1/admin/referral/commissions?promoterId=&status=&page=`. */
export interface AdminCommissionRecord extends CommissionRecord {
  promoterMemberId: number;
  buyerMemberId: number;
}

/**
 * Console: `GET /api/v1/admin/referral/commissions?promoterId=&status=&from=&to=&orderNo=&page=` and its CSV
 * (`…/commissions/export`, same filters). `from` / `to` are China days (YYYY-MM-DD, both included) of the record's creation;
 * `to` before `from` is 400 ANALYTICS_RANGE_INVALID, as in the reports.
 */
export interface AdminCommissionQuery {
  promoterId?: number;
  status?: CommissionStatus;
  from?: string;
  to?: string;
  orderNo?: string;
  page?: number;
  pageSize?: number;
}
/** A console row: the record with who earned it and who bought. */
export interface AdminCommissionRow extends AdminCommissionRecord {
  promoterNickname: string;
  buyerNickname: string;
}

/** Why the promoter's balance or debt changed (`referral_ledger`). */
export const REFERRAL_LEDGER_KINDS = ['settlement', 'reversal', 'withdrawal_hold', 'withdrawal_release'] as const;
export type ReferralLedgerKind = (typeof REFERRAL_LEDGER_KINDS)[number];
export const REFERRAL_LEDGER_KIND_LABELS: Record<ReferralLedgerKind, string> = {
  settlement: '佣金结算',
  reversal: '退款扣回',
  withdrawal_hold: '提现',
  withdrawal_release: '提现退回',
};

/** `GET /api/v1/referral/ledger?page=` (member): every change of my balance and debt, newest first. */
export interface ReferralLedgerEntry {
  id: number;
  kind: ReferralLedgerKind;
  kindText: string;
  balanceDeltaFen: Fen;
  debtDeltaFen: Fen;
  balanceAfterFen: Fen;
  debtAfterFen: Fen;
  note: string;
  createdAt: string;
}
