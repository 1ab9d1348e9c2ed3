/** Why a SKU's stock changed: every change of `skus.stock` writes one stock movement with its reason. */
export const STOCK_MOVEMENT_REASONS = [
  'initial',
  'adjustment',
  'product_edit',
  'sale',
  'cancel_return',
  'refund_return',
  'return_receipt',
] as const;
export type StockMovementReason = (typeof STOCK_MOVEMENT_REASONS)[number];

export const STOCK_MOVEMENT_REASON_LABELS: Record<StockMovementReason, string> = {
  initial: '初始库存',
  adjustment: '库存调整',
  product_edit: '编辑商品',
  sale: '下单扣减',
  cancel_return: '取消退回',
  refund_return: '仅退款退回',
  return_receipt: '退货入库',
};

/** One row of `GET /api/v1/admin/skus/:skuId/stock-movements` (newest first). */
export interface StockMovement {
  id: number;
  skuId: number;
  /** Signed: negative takes stock out, positive puts it back. */
  delta: number;
  reason: StockMovementReason;
  orderId: number | null;
  orderNo: string | null;
  orderLineId: number | null;
  afterSaleId: number | null;
  staffId: number | null;
  staffName: string | null;
  note: string | null;
  createdAt: string;
}

/** A SKU whose stock differs from the sum of its movements. */
export interface StockLedgerMismatch {
  skuId: number;
  stock: number;
  movementSum: number;
}

/** `GET /api/v1/admin/inventory/ledger-check`: every live SKU's stock against its ledger. */
export interface StockLedgerCheck {
  skusChecked: number;
  mismatches: StockLedgerMismatch[];
}
