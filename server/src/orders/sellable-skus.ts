import { HttpStatus } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CartUnavailableReason, Fen } from '../../../shared';
import { ProductRow } from '../catalog/product.entity';
import { SkuRow } from '../catalog/sku.entity';
import { ApiException } from '../platform/errors/api-exception';

/** A SKU with the product facts a cart line or an order line needs. */
export interface SellableSku {
  sku: Pick<SkuRow, 'id' | 'productId' | 'specValues' | 'priceFen' | 'stock'>;
  product: Pick<ProductRow, 'id' | 'categoryId' | 'title' | 'images' | 'onShelf' | 'memberPriceEnabled'>;
}

/** What a line shows and an order copies: the product/SKU as it is now. */
export interface SkuSnapshot {
  productId: number;
  categoryId: number;
  memberPriceEnabled: boolean;
  title: string;
  specValues: string[];
  imageUrl: string;
  priceFen: Fen;
}

/**
 * Loads SKUs and their products by SKU id; deleted SKUs and SKUs of deleted products are simply absent
 * from the map, as TypeORM's soft-delete filter would leave them out. Every cart change and checkout
 * reads this, so it is one plain joined SELECT (see plain-sql.ts) of integer and JSON text columns, which
 * both dialects return alike. Placing an order reads the same columns with the buyer (order-inputs.ts).
 */
export async function findSellableSkus(manager: EntityManager, skuIds: number[]): Promise<Map<number, SellableSku>> {
  if (skuIds.length === 0) return new Map();
  const rows: SellableSkuRow[] = await manager.query(
    `SELECT ${SELLABLE_SKU_COLUMNS} FROM skus s JOIN products p ON p.id = s.productId
     WHERE s.id IN (${skuIds.map(() => '?').join(', ')}) AND p.deletedAt IS NULL`,
    skuIds,
  );
  return new Map(rows.map((row) => [Number(row.id), sellableSkuFromRow(row)]));
}

/** The columns of a SellableSku as plain SQL reads them (tables aliased `s` and `p`). */
export const SELLABLE_SKU_COLUMNS = 's.id, s.productId, s.specValues, s.priceFen, s.stock, p.categoryId, p.title, p.images, p.onShelf, p.memberPriceEnabled';

/** A row of SELLABLE_SKU_COLUMNS; the simple-json columns are JSON text, as TypeORM stores them. */
export interface SellableSkuRow {
  id: number;
  productId: number;
  specValues: string;
  priceFen: number;
  stock: number;
  categoryId: number;
  title: string;
  images: string;
  onShelf: number;
  memberPriceEnabled: number;
}

export function sellableSkuFromRow(row: SellableSkuRow): SellableSku {
  return {
    sku: { id: Number(row.id), productId: Number(row.productId), specValues: JSON.parse(row.specValues), priceFen: Number(row.priceFen), stock: Number(row.stock) },
    product: {
      id: Number(row.productId),
      categoryId: Number(row.categoryId),
      title: row.title,
      images: JSON.parse(row.images),
      onShelf: Boolean(Number(row.onShelf)),
      memberPriceEnabled: Boolean(Number(row.memberPriceEnabled)),
    },
  };
}

export function snapshotOf({ sku, product }: SellableSku): SkuSnapshot {
  return {
    productId: product.id,
    categoryId: product.categoryId,
    memberPriceEnabled: product.memberPriceEnabled,
    title: product.title,
    specValues: sku.specValues,
    imageUrl: product.images[0] ?? '',
    priceFen: sku.priceFen,
  };
}

/** Why `quantity` units of the SKU cannot be bought now, or null when they can. */
export function unavailableReason(found: SellableSku | undefined, quantity: number): CartUnavailableReason | null {
  if (!found) return 'sku_deleted';
  if (!found.product.onShelf) return 'off_shelf';
  return stockShortfall(found.sku.stock, quantity);
}

/** Why the stock cannot cover `quantity` units, or null when it can. */
export function stockShortfall(stock: number, quantity: number): 'sold_out' | 'insufficient_stock' | null {
  if (stock <= 0) return 'sold_out';
  if (stock < quantity) return 'insufficient_stock';
  return null;
}

export function skuNotFound(skuId: number): ApiException {
  return new ApiException('SKU_NOT_FOUND', HttpStatus.NOT_FOUND, `商品规格 ${skuId} 不存在或已删除`, { skuId });
}

export function productOffShelf(skuId: number, title: string): ApiException {
  return new ApiException('PRODUCT_OFF_SHELF', HttpStatus.CONFLICT, `「${title}」已下架`, { skuId });
}

export function outOfStock(skuId: number, title: string): ApiException {
  return new ApiException('OUT_OF_STOCK', HttpStatus.CONFLICT, `「${title}」库存不足`, { skuId });
}
