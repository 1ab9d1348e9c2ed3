/** Staff roles. Each admin endpoint declares which roles it allows; the console hides what a role cannot do. */
export const StaffRole = {
  OWNER: 'owner',
  OPERATOR: 'operator',
  CUSTOMER_SERVICE: 'customer_service',
  WAREHOUSE: 'warehouse',
} as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];

export const ALL_STAFF_ROLES: StaffRole[] = Object.values(StaffRole);

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  owner: '店主',
  operator: '运营',
  customer_service: '客服',
  warehouse: '仓管',
};

/** Roles that manage the catalog (categories, products, stock). */
export const CATALOG_ROLES: StaffRole[] = ['owner', 'operator'];
/** Roles that may read the member list and details. */
export const MEMBER_READ_ROLES: StaffRole[] = ['owner', 'operator', 'customer_service'];
/** Roles that see members' full phone numbers; every other place shows them masked. */
export const FULL_PHONE_ROLES: StaffRole[] = ['owner', 'customer_service'];
/**
 * Roles that see an order's full receiver phone and address only while the parcel is theirs to handle: the
 * warehouse writes the label of a paid (待发货) order and answers the courier about a shipped (待收货) one.
 * On orders in any other state they see the phone masked and the address cut to province, city and district.
 */
export const LABEL_CONTACT_ROLES: StaffRole[] = ['warehouse'];
export const LABEL_CONTACT_STATUSES: readonly string[] = ['paid', 'shipped'];

/** What of an order's receiver a role sees, by the order's status (FULL_PHONE_ROLES, LABEL_CONTACT_ROLES). */
export function receiverContactAccess(role: StaffRole, orderStatus: string): { fullPhone: boolean; fullAddress: boolean } {
  if (LABEL_CONTACT_ROLES.includes(role)) {
    const handling = LABEL_CONTACT_STATUSES.includes(orderStatus);
    return { fullPhone: handling, fullAddress: handling };
  }
  return { fullPhone: FULL_PHONE_ROLES.includes(role), fullAddress: true };
}
/** Roles that manage staff accounts. */
export const STAFF_ADMIN_ROLES: StaffRole[] = ['owner'];
/** Roles that may adjust stock (the warehouse counts it, operators sell it). */
export const STOCK_ROLES: StaffRole[] = ['owner', 'operator', 'warehouse'];
/** Roles that run the stock ledger check (every SKU's stock against the sum of its movements). */
export const STOCK_AUDIT_ROLES: StaffRole[] = ['owner', 'operator'];
/** Roles that change the shop's settings (shipping fee rule, order timeouts). */
export const SHOP_SETTINGS_ROLES: StaffRole[] = ['owner', 'operator'];
/** Roles that read the order list and details (every role: each needs orders for its own work). */
export const ORDER_READ_ROLES: StaffRole[] = ['owner', 'operator', 'customer_service', 'warehouse'];
/** Roles that ship orders (single or a CSV batch). */
export const SHIPPING_ROLES: StaffRole[] = ['owner', 'operator', 'warehouse'];
/** Roles that handle after-sales: approve, reject, refund. */
export const AFTER_SALE_ROLES: StaffRole[] = ['owner', 'operator', 'customer_service'];
/**
 * Roles that confirm a 退货退款's goods arrived, and so read the after-sale queue: the after-sale roles, and the
 * warehouse, who unpacks the parcel (the refund itself stays with AFTER_SALE_ROLES).
 */
export const RETURN_RECEIPT_ROLES: StaffRole[] = ['owner', 'operator', 'customer_service', 'warehouse'];
/** Staff who refund (part of) a paid order themselves, without an after-sale case (商家退款). */
export const STAFF_REFUND_ROLES: StaffRole[] = ['owner', 'operator'];
/** Roles that cancel an unpaid order on the shopper's behalf. */
export const ORDER_CANCEL_ROLES: StaffRole[] = ['owner', 'operator', 'customer_service'];
/** Roles that configure member levels and the points rule. */
export const LOYALTY_SETTINGS_ROLES: StaffRole[] = ['owner', 'operator'];
/** Roles that adjust a member's points by hand (with a reason, kept in the ledger). */
export const POINTS_ADJUST_ROLES: StaffRole[] = ['owner', 'operator', 'customer_service'];
/** Roles whose points adjustments have no per-adjustment limit; the others stay within STAFF_POINTS_ADJUST_LIMIT. */
export const POINTS_ADJUST_UNLIMITED_ROLES: StaffRole[] = ['owner', 'operator'];
/** Customer service credits or debits at most this many points in one adjustment (2000 points = 20 元 at 100 per 元). */
export const STAFF_POINTS_ADJUST_LIMIT = 2000;

/** The largest |delta| one adjustment by this role may have; null: no limit. */
export function pointsAdjustLimitFor(role: StaffRole): number | null {
  return POINTS_ADJUST_UNLIMITED_ROLES.includes(role) ? null : STAFF_POINTS_ADJUST_LIMIT;
}
/** Roles that create, edit, pause and end coupon templates. */
export const COUPON_ADMIN_ROLES: StaffRole[] = ['owner', 'operator'];
/** Roles that read coupon templates and their figures. */
export const COUPON_READ_ROLES: StaffRole[] = ['owner', 'operator', 'customer_service'];
/** Roles that issue coupons to chosen members (customer service compensates with a coupon). */
export const COUPON_ISSUE_ROLES: StaffRole[] = ['owner', 'operator', 'customer_service'];
/** Roles that read the store's repeat-purchase metrics (the analytics dashboard). */
export const ANALYTICS_ROLES: StaffRole[] = ['owner', 'operator'];
/** Roles that read and export the due-for-repurchase list (phones follow FULL_PHONE_ROLES). */
export const REPURCHASE_OUTREACH_ROLES: StaffRole[] = ['owner', 'operator', 'customer_service'];
/** Roles that land on 经营概览 (the shop's figures and to-dos) after signing in. */
export const OVERVIEW_ROLES: StaffRole[] = ['owner', 'operator'];
/** Roles that remove the demo history a fresh install writes (members, orders, payments of the demo shop). */
export const DEMO_DATA_ROLES: StaffRole[] = ['owner'];
/** Roles that see the periodic jobs (任务) and run one at once. */
export const JOB_ADMIN_ROLES: StaffRole[] = ['owner'];
/** Roles that change the 分销 settings (program, binding rule, rates, windows, withdrawal limits) and product rates. */
export const REFERRAL_SETTINGS_ROLES: StaffRole[] = ['owner'];
/** Roles that read the 分销 settings, promoters, teams, bindings and commission records. */
export const REFERRAL_READ_ROLES: StaffRole[] = ['owner', 'operator', 'customer_service'];
/** Roles that approve, reject, freeze and unfreeze promoters. */
export const PROMOTER_REVIEW_ROLES: StaffRole[] = ['owner', 'operator'];
/** Roles that read the withdrawal queue and approve, reject or cancel withdrawals (the money leaves the shop). */
export const WITHDRAWAL_REVIEW_ROLES: StaffRole[] = ['owner', 'operator'];
/** Roles that create, edit and end 拼团 campaigns. */
export const GROUP_BUY_ROLES: StaffRole[] = ['owner', 'operator'];
/** Roles that read 拼团 campaigns, their statistics and teams. */
export const GROUP_BUY_READ_ROLES: StaffRole[] = ['owner', 'operator', 'customer_service'];
/** Roles that create, edit, start, end and cancel live sessions. */
export const LIVE_ROLES: StaffRole[] = ['owner', 'operator'];
/** Roles that read live sessions. */
export const LIVE_READ_ROLES: StaffRole[] = ['owner', 'operator', 'customer_service'];
