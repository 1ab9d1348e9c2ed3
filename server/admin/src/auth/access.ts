import {
  AFTER_SALE_ROLES,
  ALL_STAFF_ROLES,
  ANALYTICS_ROLES,
  JOB_ADMIN_ROLES,
  CATALOG_ROLES,
  LOYALTY_SETTINGS_ROLES,
  COUPON_ADMIN_ROLES,
  COUPON_READ_ROLES,
  GROUP_BUY_READ_ROLES,
  GROUP_BUY_ROLES,
  LIVE_READ_ROLES,
  LIVE_ROLES,
  MEMBER_READ_ROLES,
  OVERVIEW_ROLES,
  ORDER_CANCEL_ROLES,
  STAFF_REFUND_ROLES,
  ORDER_READ_ROLES,
  POINTS_ADJUST_ROLES,
  REFERRAL_READ_ROLES,
  REPURCHASE_OUTREACH_ROLES,
  RETURN_RECEIPT_ROLES,
  SHIPPING_ROLES,
  SHOP_SETTINGS_ROLES,
  STAFF_ADMIN_ROLES,
  STOCK_ROLES,
  WITHDRAWAL_REVIEW_ROLES,
  type StaffRole,
} from '@shared/roles';

/**
 * Which role reaches which page and action. The server enforces the same roles on every endpoint;
 * this only keeps the console from offering what the role cannot do.
 */
export type PageKey =
  | 'overview'
  | 'products'
  | 'productEdit'
  | 'categories'
  | 'orders'
  | 'batchShip'
  | 'pickingList'
  | 'afterSales'
  | 'members'
  | 'memberLevels'
  | 'coupons'
  | 'couponEdit'
  | 'groupBuy'
  | 'live'
  | 'repeatPurchase'
  | 'dueForRepurchase'
  | 'referralReport'
  | 'shopSettings'
  | 'staff'
  | 'jobs'
  | 'promoters'
  | 'referralSettings'
  | 'commissions'
  | 'withdrawals'
  | 'inviteRewards';

export const PAGE_ROLES: Record<PageKey, readonly StaffRole[]> = {
  overview: OVERVIEW_ROLES,
  // Every role reads the product list; only catalog roles see the edit actions on it.
  products: ALL_STAFF_ROLES,
  productEdit: CATALOG_ROLES,
  categories: CATALOG_ROLES,
  orders: ORDER_READ_ROLES,
  batchShip: SHIPPING_ROLES,
  pickingList: SHIPPING_ROLES,
  // The warehouse opens the queue to confirm returned parcels; approving and refunding stay with AFTER_SALE_ROLES.
  afterSales: RETURN_RECEIPT_ROLES,
  members: MEMBER_READ_ROLES,
  memberLevels: LOYALTY_SETTINGS_ROLES,
  coupons: COUPON_READ_ROLES,
  couponEdit: COUPON_ADMIN_ROLES,
  // 拼团活动: read roles see campaigns, stats and teams; GROUP_BUY_ROLES create, edit and end them.
  groupBuy: GROUP_BUY_READ_ROLES,
  // 直播管理: read roles see sessions, reports and settings; LIVE_ROLES create, edit, start, end and cancel sessions.
  live: LIVE_READ_ROLES,
  repeatPurchase: ANALYTICS_ROLES,
  dueForRepurchase: REPURCHASE_OUTREACH_ROLES,
  referralReport: ANALYTICS_ROLES,
  shopSettings: SHOP_SETTINGS_ROLES,
  staff: STAFF_ADMIN_ROLES,
  jobs: JOB_ADMIN_ROLES,
  // 分销: every read role opens them; decisions (PROMOTER_REVIEW_ROLES) and settings (REFERRAL_SETTINGS_ROLES) show to their roles only.
  promoters: REFERRAL_READ_ROLES,
  referralSettings: REFERRAL_READ_ROLES,
  commissions: REFERRAL_READ_ROLES,
  withdrawals: WITHDRAWAL_REVIEW_ROLES,
  inviteRewards: REFERRAL_READ_ROLES,
};

export interface MenuEntry {
  key: PageKey;
  path: string;
  name: string;
}

/** The menu in display order; entries a role cannot open are left out by menuFor. */
const MENU: MenuEntry[] = [
  { key: 'overview', path: '/overview', name: '经营概览' },
  { key: 'products', path: '/products', name: '商品管理' },
  { key: 'categories', path: '/categories', name: '分类管理' },
  { key: 'orders', path: '/orders', name: '订单管理' },
  { key: 'batchShip', path: '/batch-ship', name: '批量发货' },
  { key: 'afterSales', path: '/after-sales', name: '售后处理' },
  { key: 'members', path: '/members', name: '会员管理' },
  { key: 'memberLevels', path: '/member-levels', name: '会员等级' },
  { key: 'coupons', path: '/coupons', name: '优惠券' },
  { key: 'groupBuy', path: '/group-buy', name: '拼团活动' },
  { key: 'live', path: '/live', name: '直播管理' },
  { key: 'promoters', path: '/referral/promoters', name: '推广员' },
  { key: 'commissions', path: '/referral/commissions', name: '佣金明细' },
  { key: 'withdrawals', path: '/referral/withdrawals', name: '提现审核' },
  { key: 'referralSettings', path: '/referral/settings', name: '分销设置' },
  { key: 'inviteRewards', path: '/referral/invite-rewards', name: '邀请有礼' },
  { key: 'referralReport', path: '/referral/report', name: '推广报表' },
  { key: 'repeatPurchase', path: '/analytics/repeat-purchase', name: '复购分析' },
  { key: 'dueForRepurchase', path: '/analytics/due-for-repurchase', name: '待复购会员' },
  { key: 'shopSettings', path: '/settings/shop', name: '店铺设置' },
  { key: 'staff', path: '/staff', name: '员工管理' },
  { key: 'jobs', path: '/jobs', name: '任务' },
];

export function canOpen(role: StaffRole, page: PageKey): boolean {
  return PAGE_ROLES[page].includes(role);
}

export function menuFor(role: StaffRole): MenuEntry[] {
  return MENU.filter((entry) => canOpen(role, entry.key));
}

/** Where staff land after signing in: 经营概览 for the roles that see it, the product list for the others. */
export function homePathFor(role: StaffRole): string {
  return canOpen(role, 'overview') ? '/overview' : '/products';
}

export function canEditCatalog(role: StaffRole): boolean {
  return CATALOG_ROLES.includes(role);
}

export function canAdjustStock(role: StaffRole): boolean {
  return STOCK_ROLES.includes(role);
}

export function canShipOrders(role: StaffRole): boolean {
  return SHIPPING_ROLES.includes(role);
}

export function canCancelOrders(role: StaffRole): boolean {
  return ORDER_CANCEL_ROLES.includes(role);
}

export function canRefundOrders(role: StaffRole): boolean {
  return STAFF_REFUND_ROLES.includes(role);
}

export function canHandleAfterSales(role: StaffRole): boolean {
  return AFTER_SALE_ROLES.includes(role);
}

export function canConfirmReturnReceipt(role: StaffRole): boolean {
  return RETURN_RECEIPT_ROLES.includes(role);
}

export function canEditShopSettings(role: StaffRole): boolean {
  return SHOP_SETTINGS_ROLES.includes(role);
}

export function canAdjustPoints(role: StaffRole): boolean {
  return POINTS_ADJUST_ROLES.includes(role);
}

export function canManageGroupBuy(role: StaffRole): boolean {
  return GROUP_BUY_ROLES.includes(role);
}

export function canManageLive(role: StaffRole): boolean {
  return LIVE_ROLES.includes(role);
}
