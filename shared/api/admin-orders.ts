import type { Fen } from '../money';
import type { PaymentRecord, RefundRecord, SubscribeTemplateKind } from './payments';
import type { OrderDetail, OrderHold, OrderStatus, Shipment } from './orders';

/**
 * `GET /api/v1/admin/orders?…` → Paginated<AdminOrderRow> (ORDER_READ_ROLES), newest first.
 * `GET /api/v1/admin/orders/export?…` (same filters, no paging) → text/csv in UTF-8 with a BOM (Excel opens
 * it), at most 10 000 rows, one line per order.
 */
export interface AdminOrderListQuery {
  status?: OrderStatus;
  /** Placed on or after this day (YYYY-MM-DD, China time). */
  from?: string;
  /** Placed on or before this day (YYYY-MM-DD, China time). */
  to?: string;
  /** Exact order number. */
  orderNo?: string;
  /** The receiver's or the member's phone, full 11 digits or its last 4. */
  phone?: string;
  /** Part of a product title in the order. */
  product?: string;
  /** Orders of this member only (the member detail's order history). */
  memberId?: number;
  /** true: paid orders not shipped yet whose buyer pressed 提醒发货 (the 待办 count's list). */
  reminded?: boolean;
  page?: number;
  pageSize?: number;
}

export interface AdminOrderRow {
  orderNo: string;
  status: OrderStatus;
  memberId: number;
  memberNickname: string | null;
  receiverName: string;
  /** Full for FULL_PHONE_ROLES, masked for the others. */
  receiverPhone: string;
  /** "西湖龙井 ×2，桂花乌龙 ×1" */
  itemsText: string;
  itemCount: number;
  payableFen: Fen;
  /** Refunds started on the order; above 0 while not refunded: 部分退款. */
  refundedFen: Fen;
  createdAt: string;
  paidAt: string | null;
  shipment: Shipment | null;
  /** The buyer's last 提醒发货, while the order still waits to ship (status paid); else null. */
  shipRemindedAt: string | null;
  /** Set while the order may not ship yet (a forming 拼团 team: 拼团中); see ORDER_HOLDS. */
  fulfilmentHold: OrderHold | null;
}

/** A subscribe message the server tried to send for this order. */
export interface SubscribeMessageLog {
  kind: SubscribeTemplateKind;
  templateId: string;
  /** sent; no_quota (the shopper had not accepted, nothing sent); failed (WeChat answered an error). */
  result: 'sent' | 'no_quota' | 'failed';
  errcode: number | null;
  at: string;
}

/** `GET /api/v1/admin/orders/:orderNo` (ORDER_READ_ROLES). The address phone follows FULL_PHONE_ROLES. */
export interface AdminOrderDetail extends OrderDetail {
  memberId: number;
  memberNickname: string | null;
  payments: PaymentRecord[];
  refunds: RefundRecord[];
  subscribeMessages: SubscribeMessageLog[];
  /** The report to WeChat's shipping-info API (WeChat may freeze payments of a shop that never reports). */
  wechatShippingReport: { status: 'reported' | 'failed'; message: string | null; at: string } | null;
}

/** `POST /api/v1/admin/orders/:orderNo/ship` (SHIPPING_ROLES) → AdminOrderDetail. Paid orders only; repeating
 * the same shipment answers it unchanged; another one for a shipped order is 409 ORDER_STATE_CONFLICT. */
export interface ShipOrderRequest {
  /** A code of EXPRESS_COMPANIES. */
  carrierCode: string;
  /** 5..32 of [A-Za-z0-9]. */
  trackingNo: string;
}

/**
 * `POST /api/v1/admin/orders/ship-batch` multipart `file`: a CSV (UTF-8, BOM allowed) whose header is
 * `订单号,快递公司,快递单号` (快递公司 = a code or a name of EXPRESS_COMPANIES), at most 1 000 rows.
 * Each row ships independently; 400 SHIPMENT_CSV_INVALID only when the file itself cannot be read.
 */
export interface BatchShipResult {
  shipped: number;
  /** Rows for orders already shipped with that same shipment. */
  unchanged: number;
  failed: { line: number; orderNo: string; message: string }[];
}

/** `POST /api/v1/admin/orders/:orderNo/cancel` (ORDER_CANCEL_ROLES): pending_payment only → AdminOrderDetail. */
export interface StaffCancelOrderRequest {
  /** 1..100 characters. */
  reason: string;
}

/** At most this many orders on one printed picking list. */
export const PICKING_LIST_MAX_ORDERS = 50;

/**
 * `GET /api/v1/admin/orders/picking-list?orderNos=A,B` (SHIPPING_ROLES) → PickingListOrder[] in the order
 * asked (配货单 / 发货单). 1..PICKING_LIST_MAX_ORDERS order numbers, else 400 VALIDATION_FAILED; an unknown
 * one → 404 ORDER_NOT_FOUND (details.orderNo). Receiver phone and address follow receiverContactAccess.
 * `GET /api/v1/admin/orders/to-ship.csv` (SHIPPING_ROLES): every paid (待发货) order, oldest payment first, as
 * UTF-8 CSV with a BOM whose first columns are the batch-ship header `订单号,快递公司,快递单号` (left blank to fill
 * in and upload back to ship-batch), then 收货人, 手机号, 收货地址, SKU 明细, 件数, 买家备注, 付款时间.
 */
export interface PickingListOrder {
  orderNo: string;
  status: OrderStatus;
  paidAt: string | null;
  receiverName: string;
  receiverPhone: string;
  /** Province, city, district and street on one line. */
  receiverAddress: string;
  remark: string;
  itemCount: number;
  lines: PickingListLine[];
  shipment: Shipment | null;
}

export interface PickingListLine {
  /** The SKU's code ('' if the SKU was removed from its product since). */
  skuCode: string;
  title: string;
  specValues: string[];
  quantity: number;
}

/**
 * `GET /api/v1/admin/orders/status-counts?…` (ORDER_READ_ROLES; the list's filters except status) →
 * OrderStatusCounts: how many orders of each status match, for the list's tabs. One GROUP BY status query.
 */
export interface OrderStatusCounts {
  total: number;
  byStatus: Partial<Record<OrderStatus, number>>;
}

/** A newly paid order, as the console's 新订单 notice shows it. */
export interface PaidOrderNotice {
  orderNo: string;
  payableFen: Fen;
  paidAt: string;
  memberNickname: string | null;
  itemsText: string;
}

/**
 * `GET /api/v1/admin/orders/paid-since?after=<ISO>` (ORDER_READ_ROLES) → PaidOrdersSince: orders whose payment
 * the server recorded after `after` and up to `until`, newest first (at most 5 listed, all counted). The console
 * polls it every 20 s with the previous answer's `until` (which lags the clock by a few seconds, so a payment
 * still committing is not skipped); without `after` it answers 0 and the `until` to start from.
 */
export interface PaidOrdersSince {
  count: number;
  latest: PaidOrderNotice[];
  until: string;
}
