import type { Fen } from '../money';
import type { Shipment } from './orders';
import type { ReturnAddress } from './shop';

/** 仅退款 (before shipping) or 退货退款 (after shipping). */
export const AFTER_SALE_TYPES = ['refund_only', 'return_refund'] as const;
export type AfterSaleType = (typeof AFTER_SALE_TYPES)[number];

export const AFTER_SALE_TYPE_LABELS: Record<AfterSaleType, string> = {
  refund_only: '仅退款',
  return_refund: '退货退款',
};

/**
 * An after-sale case. 仅退款: applied → refunding → refunded (approving starts the refund). 退货退款: applied →
 * approved (the shopper sends the goods back to the shop's return address and enters the tracking number) →
 * return_received (staff confirm the goods arrived) → refunding → refunded. Either may go applied → rejected
 * (the order returns to the state it had). One open case per order.
 */
export const AFTER_SALE_STATUSES = ['applied', 'approved', 'return_received', 'rejected', 'refunding', 'refunded'] as const;
export type AfterSaleStatus = (typeof AFTER_SALE_STATUSES)[number];

export const AFTER_SALE_STATUS_LABELS: Record<AfterSaleStatus, string> = {
  applied: '待处理',
  approved: '待退货',
  return_received: '已收到退货',
  rejected: '已拒绝',
  refunding: '退款中',
  refunded: '已退款',
};

/** Units of one order line (SKUs are distinct within an order). */
export interface RefundItem {
  skuId: number;
  /** 1..the line's units not refunded yet. */
  quantity: number;
}

/** Units of one line named by an after-sale case. */
export interface AfterSaleItem extends RefundItem {
  title: string;
  specValues: string[];
}

/** The units of a case in words: 雨前龙井（一级）× 1；… (null: the whole order, as it was when applied). */
export function afterSaleItemsText(items: AfterSaleItem[] | null): string {
  if (!items) return '整单';
  return items.map((item) => `${item.title}${item.specValues.length ? `（${item.specValues.join(' / ')}）` : ''} × ${item.quantity}`).join('；');
}

/**
 * `POST /api/v1/orders/:orderNo/after-sales` → OrderDetail. refund_only only while paid (not shipped);
 * return_refund once shipped or completed. 409 AFTER_SALE_NOT_ALLOWED otherwise. The refund is the chosen units'
 * share of what was paid (see RefundPreview); without `items`, every unit not refunded yet (the whole payable of
 * an order never refunded). Photos: URLs from `POST /api/v1/me/uploads` (multipart `file`, png/jpeg/webp/gif) → 201 UploadResponse.
 */
export interface ApplyAfterSaleRequest {
  type: AfterSaleType;
  /** The units asked about (仅退款 / 退货退款 of some lines); omitted: all that is left. 400 REFUND_ITEMS_INVALID for a SKU not in the order or more units than it has; 409 REFUND_NOT_ALLOWED for units refunded already. */
  items?: RefundItem[];
  /** 1..50 characters, e.g. 不想要了 / 商品破损. */
  reason: string;
  /** 0..500 characters. */
  description?: string;
  /** 0..6 image URLs. */
  images?: string[];
}

export interface AfterSale {
  id: number;
  orderNo: string;
  type: AfterSaleType;
  status: AfterSaleStatus;
  reason: string;
  description: string;
  images: string[];
  refundFen: Fen;
  /** The units the case is about (with the line's title and spec as ordered); null: every unit not refunded when it was applied. */
  items: AfterSaleItem[] | null;
  rejectReason: string | null;
  /** 退货退款 once approved: where the goods go back (the shop's return address when it was approved). */
  returnAddress: ReturnAddress | null;
  /** The shopper's parcel back to the shop (shippedAt: when they last entered it); null until entered. */
  returnShipment: Shipment | null;
  /** When staff confirmed the returned goods arrived. */
  returnReceivedAt: string | null;
  createdAt: string;
  handledAt: string | null;
  refundedAt: string | null;
}

/** `GET /api/v1/admin/after-sales?status=&type=&page=&pageSize=` → Paginated<AfterSale> (RETURN_RECEIPT_ROLES).
 * `POST /api/v1/admin/after-sales/:id/approve` (refund_only: starts the refund at once; return_refund: waits
 * for the goods, 409 RETURN_ADDRESS_MISSING while the shop has no return address), `POST …/:id/reject` with
 * RejectAfterSaleRequest, `POST …/:id/receive` (return_refund: the goods arrived; RETURN_RECEIPT_ROLES, the
 * warehouse too), `POST …/:id/refund` (return_refund once received). Approve, reject and refund need
 * AFTER_SALE_ROLES. Every action answers the AfterSale; repeating an action that already happened answers it
 * unchanged, and a conflicting one is 409 AFTER_SALE_STATE_CONFLICT. */
export interface RejectAfterSaleRequest {
  /** 1..100 characters, shown to the shopper. */
  reason: string;
}

/**
 * `PUT /api/v1/orders/:orderNo/return-shipment` → OrderDetail: the shopper's parcel back to the shop for the
 * order's approved 退货退款. May be changed until staff confirm receipt; afterwards (or before approval)
 * 409 AFTER_SALE_STATE_CONFLICT; an order without such a case 404 AFTER_SALE_NOT_FOUND.
 */
export interface ReturnShipmentRequest {
  /** A code of EXPRESS_COMPANIES. */
  carrierCode: string;
  /** 5..32 of [A-Za-z0-9]. */
  trackingNo: string;
}

/**
 * What refunding some units would give back: `POST /api/v1/orders/:orderNo/after-sales/preview` (the shopper, their
 * own order) and `POST /api/v1/admin/orders/:orderNo/refunds/preview` (staff), body RefundPreviewRequest.
 * Each line's part is its share of what was actually paid (member price, coupon and points spread over the lines in
 * whole fen); the order's shipping goes back only with its last goods; never more than is left refundable.
 */
export interface RefundPreviewRequest {
  /** Omitted: every unit not refunded yet. */
  items?: RefundItem[];
}

export interface RefundPreview {
  items: (RefundItem & { amountFen: Fen })[];
  /** Shipping given back (only with the last goods). */
  shippingFen: Fen;
  refundFen: Fen;
  /** Points redeemed on the order that go back with these units. */
  pointsReturned: number;
  /** What is left refundable before this refund. */
  refundableFen: Fen;
  /** The whole rest of the order: the order becomes 已退款 once it succeeds. */
  closesOrder: boolean;
}
