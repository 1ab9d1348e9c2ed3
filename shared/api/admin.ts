import type { ErrorCode } from '../errors';
import type { Fen } from '../money';
import type { StaffRole } from '../roles';
import type { DetailBlock, SpecDimension } from './catalog';

/** `POST /api/v1/admin/auth/login` */
export interface StaffLoginRequest {
  username: string;
  password: string;
}

export interface StaffLoginResponse {
  token: string;
  staff: StaffProfile;
}

/** `GET /api/v1/admin/me`; items of `GET /api/v1/admin/staff` (owner only). */
export interface StaffProfile {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  disabled: boolean;
  createdAt: string;
}

/** `POST /api/v1/admin/staff` (owner only). Password 8..64 chars; username 3..32 of [a-zA-Z0-9_]. */
export interface CreateStaffRequest {
  username: string;
  displayName: string;
  password: string;
  role: StaffRole;
}

/** `PATCH /api/v1/admin/staff/:id` (owner only). */
export interface UpdateStaffRequest {
  displayName?: string;
  role?: StaffRole;
  password?: string;
  disabled?: boolean;
}

/** `POST /api/v1/admin/categories`, `PATCH /api/v1/admin/categories/:id`; `DELETE` answers 409 CATEGORY_NOT_EMPTY
 * while it has children or products. */
export interface SaveCategoryRequest {
  name: string;
  parentId?: number | null;
  icon?: string | null;
  sortOrder?: number;
}

/** `GET /api/v1/admin/products?keyword=&categoryId=&onShelf=&page=&pageSize=` → Paginated<AdminProductRow>. */
export interface AdminProductRow {
  id: number;
  title: string;
  coverUrl: string;
  categoryId: number;
  categoryName: string;
  minPriceFen: Fen;
  totalStock: number;
  /** Units paid in this shop minus refunded ones. */
  salesCount: number;
  /** 基础销量 the owner entered; the storefront shows 已售 = baseSalesCount + salesCount. */
  baseSalesCount: number;
  onShelf: boolean;
  sortOrder: number;
  memberPriceEnabled: boolean;
  updatedAt: string;
}

export interface SaveSkuRequest {
  /** Present when editing an existing SKU. */
  id?: number;
  specValues: string[];
  priceFen: Fen;
  originalPriceFen?: Fen | null;
  stock: number;
  /**
   * Editing an existing SKU: the stock the form showed when it loaded. When `stock` still equals it, staff did
   * not touch the stock and the SKU keeps what it has now (orders placed while the form was open stay counted);
   * otherwise the SKU is set to `stock`. Without it, the SKU is set to `stock`.
   */
  stockBefore?: number;
  /** Unique across the shop; generated when empty. */
  skuCode?: string;
}

export const BASE_SALES_COUNT_MAX = 10_000_000;

/** `POST /api/v1/admin/products`, `PUT /api/v1/admin/products/:id` (the whole product with its SKU matrix).
 * The SKUs must be exactly the combinations of the spec values (SKU_MATRIX_INVALID otherwise);
 * a product without specs has exactly one SKU with empty specValues. */
export interface SaveProductRequest {
  categoryId: number;
  title: string;
  subtitle?: string;
  images: string[];
  detail?: DetailBlock[];
  tags?: string[];
  onShelf?: boolean;
  sortOrder?: number;
  /** 参与会员价: member levels' percentage applies to this product (default true). */
  memberPriceEnabled?: boolean;
  /** 基础销量: a starting figure (sales made before or outside this shop), 0..BASE_SALES_COUNT_MAX, default 0. */
  baseSalesCount?: number;
  specs: SpecDimension[];
  skus: SaveSkuRequest[];
}

/** `GET /api/v1/admin/products/:id` */
export interface AdminProductDetail extends SaveProductRequest {
  id: number;
  /** Real sales: units paid in this shop minus refunded ones (read-only). */
  salesCount: number;
  baseSalesCount: number;
  onShelf: boolean;
  sortOrder: number;
  memberPriceEnabled: boolean;
  skus: (SaveSkuRequest & { id: number; skuCode: string })[];
  createdAt: string;
  updatedAt: string;
}

/** `DELETE /api/v1/admin/products/:id` → 204 (CATALOG_ROLES): the product leaves the shop and the console;
 * orders keep their snapshots; carts show its SKUs as 规格已删除. Deleting it again is 404 PRODUCT_NOT_FOUND. */

/** `PATCH /api/v1/admin/products/:id/shelf` */
export interface SetShelfRequest {
  onShelf: boolean;
}

/** What a bulk action does to each selected product: 上架 / 下架 / 删除. */
export const BULK_PRODUCT_ACTIONS = ['on_shelf', 'off_shelf', 'delete'] as const;
export type BulkProductAction = (typeof BULK_PRODUCT_ACTIONS)[number];

/** At most this many products in one bulk action (a page of the product list at its largest). */
export const BULK_PRODUCT_MAX = 100;

/**
 * `POST /api/v1/admin/products/bulk` (CATALOG_ROLES, like the single-product actions) → 200 BulkProductResult.
 * Each product changes on its own, by a conditional update: one product's failure does not stop the others.
 */
export interface BulkProductRequest {
  action: BulkProductAction;
  /** 1..BULK_PRODUCT_MAX distinct product ids. */
  ids: number[];
}

export interface BulkProductResult {
  /** Products this request changed. */
  succeeded: number[];
  /** Products already as asked (on the shelf for on_shelf, off it for off_shelf): nothing to do. */
  unchanged: number[];
  /** Products that could not be changed, and why (PRODUCT_NOT_FOUND: unknown or already deleted). */
  failed: { id: number; code: ErrorCode; message: string }[];
}

/** `POST /api/v1/admin/skus/:skuId/stock-adjustments`: a conditional change (stock never goes below zero). */
export interface StockAdjustmentRequest {
  delta: number;
  reason: string;
}

export interface StockAdjustmentResponse {
  skuId: number;
  stock: number;
}

/** `POST /api/v1/admin/uploads` multipart field `file` (png/jpeg/webp/gif/svg, at most 5 MB). */
export interface UploadResponse {
  url: string;
}

/** `GET /api/v1/admin/members?keyword=&page=&pageSize=` → Paginated<AdminMemberRow>; keyword matches nickname,
 * phone or member id. `phone` is full for roles in FULL_PHONE_ROLES and masked for the others. */
export interface AdminMemberRow {
  id: number;
  nickname: string | null;
  avatarUrl: string | null;
  phone: string | null;
  createdAt: string;
  lastLoginAt: string | null;
}

/** `GET /api/v1/admin/members/:id` */
export interface AdminMemberDetail extends AdminMemberRow {
  openid: string;
  unionid: string | null;
}
