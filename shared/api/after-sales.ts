import type { Fen } from '../money';

/** 仅退款 (before shipping) or 退货退款 (after shipping). */
export const AFTER_SALE_TYPES = ['refund_only', 'return_refund'] as const;
export type AfterSaleType = (typeof AFTER_SALE_TYPES)[number];

export const AFTER_SALE_TYPE_LABELS: Record<AfterSaleType, string> = {
  refund_only: '仅退款',
  return_refund: '退货退款',
};

/**
 * An after-sale case: applied → approved → refunding → refunded, or applied → rejected (the order returns to
 * the state it had). One open case per order.
 */
export const AFTER_SALE_STATUSES = ['applied', 'approved', 'rejected', 'refunding', 'refunded'] as const;
export type AfterSaleStatus = (typeof AFTER_SALE_STATUSES)[number];

export const AFTER_SALE_STATUS_LABELS: Record<AfterSaleStatus, string> = {
  applied: '待处理',
  approved: '已同意',
  rejected: '已拒绝',
  refunding: '退款中',
  refunded: '已退款',
};

/**
 * `POST /api/v1/orders/:orderNo/after-sales` → OrderDetail. refund_only only while paid (not shipped);
 * return_refund once shipped or completed. 409 AFTER_SALE_NOT_ALLOWED otherwise. The refund is the whole
 * payable amount. Photos: URLs from `POST /api/v1/me/uploads` (multipart `file`, png/jpeg/webp/gif) → 201 UploadResponse.
 */
export interface ApplyAfterSaleRequest {
  type: AfterSaleType;
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
  rejectReason: string | null;
  createdAt: string;
  handledAt: string | null;
  refundedAt: string | null;
}

/** `GET /api/v1/admin/after-sales?status=&type=&page=&pageSize=` → Paginated<AfterSale> (AFTER_SALE_ROLES).
 * `POST /api/v1/admin/after-sales/:id/approve` (refund_only: starts the refund at once; return_refund: waits
 * for the goods), `POST …/:id/reject` with RejectAfterSaleRequest, `POST …/:id/refund` (return_refund after
 * the goods came back). Every action answers the AfterSale; repeating an action that already happened
 * answers it unchanged, and a conflicting one is 409 AFTER_SALE_STATE_CONFLICT. */
export interface RejectAfterSaleRequest {
  /** 1..100 characters, shown to the shopper. */
  reason: string;
}
