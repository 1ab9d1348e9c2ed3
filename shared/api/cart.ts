import type { Fen } from '../money';

/** Most units of one SKU a cart line (and an order line) may hold. */
export const CART_MAX_QUANTITY = 99;
/** Most distinct SKUs in one member's cart. */
export const CART_MAX_ITEMS = 100;

/** Why a cart line cannot be bought right now. */
export const CART_UNAVAILABLE_REASONS = ['off_shelf', 'sold_out', 'insufficient_stock', 'sku_deleted'] as const;
export type CartUnavailableReason = (typeof CART_UNAVAILABLE_REASONS)[number];

export const CART_UNAVAILABLE_REASON_LABELS: Record<CartUnavailableReason, string> = {
  off_shelf: '已下架',
  sold_out: '已售罄',
  insufficient_stock: '库存不足',
  sku_deleted: '规格已删除',
};

/**
 * One line of the cart. Title, spec and image are the live product's when it still exists, otherwise the
 * snapshot taken when the line was added (so a deleted SKU still shows what it was).
 */
export interface CartItem {
  id: number;
  skuId: number;
  productId: number;
  title: string;
  /** One value per spec dimension, e.g. ['250g', '特级']. */
  specValues: string[];
  imageUrl: string;
  /** Current price of the SKU (the snapshot price when the SKU was deleted). */
  priceFen: Fen;
  /** Price when the line was added; differs from priceFen when the price changed since. */
  addedPriceFen: Fen;
  quantity: number;
  selected: boolean;
  /** Units in stock now (0 when the SKU was deleted). */
  stock: number;
  /** null when the line can be bought. */
  unavailableReason: CartUnavailableReason | null;
}

/** `GET /api/v1/cart`; every cart change answers the whole cart again. */
export interface CartResponse {
  /** Newest first. */
  items: CartItem[];
  /** Units of all lines (the tab badge). */
  totalQuantity: number;
  /** Units of the selected, available lines. */
  selectedQuantity: number;
  /** Sum of price × quantity over the selected, available lines (before shipping). */
  selectedSubtotalFen: Fen;
  /** The shop's shipping rule, for hints like 再买 ¥x 包邮 (checkout preview computes the real fee). */
  shippingRule: ShippingRule;
}

/** Flat fee per order; free once the goods reach the threshold (null: never free). */
export interface ShippingRule {
  shippingFeeFen: Fen;
  freeShippingThresholdFen: Fen | null;
}

/** `POST /api/v1/cart/items`: adds to the line of the same SKU when there is one (capped at CART_MAX_QUANTITY).
 * 404 SKU_NOT_FOUND, 409 PRODUCT_OFF_SHELF, OUT_OF_STOCK (nothing in stock), CART_FULL. */
export interface AddCartItemRequest {
  skuId: number;
  /** 1..CART_MAX_QUANTITY */
  quantity: number;
}

/** `PATCH /api/v1/cart/items/:id` (404 CART_ITEM_NOT_FOUND). `DELETE /api/v1/cart/items/:id` removes the line. */
export interface UpdateCartItemRequest {
  /** 1..CART_MAX_QUANTITY */
  quantity?: number;
  selected?: boolean;
}

/** `PUT /api/v1/cart/selection`: select or deselect every line (全选). */
export interface SelectAllCartItemsRequest {
  selected: boolean;
}
