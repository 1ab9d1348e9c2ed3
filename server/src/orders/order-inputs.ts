import type { EntityManager } from 'typeorm';
import type { Address } from '../../../shared';
import { addressFromPlainRow, addressNotFound, PLAIN_ADDRESS_COLUMNS, type PlainAddressRow } from '../addresses/addresses.service';
import { SELLABLE_SKU_COLUMNS, sellableSkuFromRow, type SellableSku, type SellableSkuRow } from './sellable-skus';

/** The member's level and points as pricing reads them (LoyaltyCheckoutService.forStanding). */
export interface BuyerStanding {
  levelId: number | null;
  pointsBalance: number;
}

export interface OrderInputs {
  address: Address;
  buyer: BuyerStanding;
  /** By SKU id; deleted SKUs and SKUs of deleted products are absent, as in findSellableSkus. */
  skus: Map<number, SellableSku>;
}

/**
 * Everything placing an order reads before its transaction, in ONE plain SELECT (every order runs it, and
 * each statement costs the database and the driver more than the join does): the member's level and points,
 * the address, and the SKUs with their products. A row per SKU found, or one row with empty SKU columns;
 * no row at all when the address is not the member's (404 ADDRESS_NOT_FOUND).
 */
export async function readOrderInputs(manager: EntityManager, memberId: number, addressId: number, skuIds: number[]): Promise<OrderInputs> {
  const rows: (BuyerStanding & PlainAddressRow & Partial<SellableSkuRow>)[] = await manager.query(
    `SELECT m.levelId, m.pointsBalance, ${PLAIN_ADDRESS_COLUMNS}, ${SELLABLE_SKU_COLUMNS}
     FROM members m
     JOIN addresses a ON a.id = ? AND a.memberId = m.id
     LEFT JOIN skus s ON s.id IN (${skuIds.map(() => '?').join(', ')})
     LEFT JOIN products p ON p.id = s.productId AND p.deletedAt IS NULL
     WHERE m.id = ?`,
    [addressId, ...skuIds, memberId],
  );
  if (rows.length === 0) throw addressNotFound();
  return { address: addressFromPlainRow(rows[0]), buyer: standingOf(rows[0]), skus: skusOf(rows) };
}

export interface PreviewInputs extends Omit<OrderInputs, 'address'> {
  /** The address asked for, else the member's default one; null when they have none. */
  address: Address | null;
  /** The unit price each SKU was added to the member's cart at, by SKU id (absent: not in the cart). */
  cartPrices: Map<number, number>;
}

/**
 * What the checkout preview reads, in ONE plain SELECT like readOrderInputs: the member's level and points, the
 * address asked for (404 ADDRESS_NOT_FOUND when it is not the member's) or else their default one, the SKUs with
 * their products, and the price each was added to the cart at. The one-row table `q` keeps a row when the member
 * has no address and none of the SKUs exists.
 */
export async function readPreviewInputs(manager: EntityManager, memberId: number, addressId: number | undefined, skuIds: number[]): Promise<PreviewInputs> {
  const rows: (Partial<BuyerStanding> & Partial<PlainAddressRow> & Partial<SellableSkuRow> & { cartPriceFen: number | null })[] = await manager.query(
    `SELECT m.levelId, m.pointsBalance, ${PLAIN_ADDRESS_COLUMNS}, ${SELLABLE_SKU_COLUMNS}, c.addedPriceFen AS cartPriceFen
     FROM (SELECT ? AS memberId) q
     LEFT JOIN members m ON m.id = q.memberId
     LEFT JOIN addresses a ON a.memberId = q.memberId AND ${addressId === undefined ? 'a.defaultMark = 1' : 'a.id = ?'}
     LEFT JOIN skus s ON s.id IN (${skuIds.length > 0 ? skuIds.map(() => '?').join(', ') : 'NULL'})
     LEFT JOIN products p ON p.id = s.productId AND p.deletedAt IS NULL
     LEFT JOIN cart_items c ON c.memberId = q.memberId AND c.skuId = s.id`,
    [memberId, ...(addressId === undefined ? [] : [addressId]), ...skuIds],
  );
  const first = rows[0];
  if (addressId !== undefined && first.addressId == null) throw addressNotFound();
  const cartPrices = new Map<number, number>();
  for (const row of rows) if (row.id != null && row.cartPriceFen != null) cartPrices.set(Number(row.id), Number(row.cartPriceFen));
  return {
    address: first.addressId == null ? null : addressFromPlainRow(first as PlainAddressRow),
    buyer: standingOf(first),
    skus: skusOf(rows),
    cartPrices,
  };
}

/** The member's standing from a row's members columns (no member row: no level, no points). */
function standingOf(row: Partial<BuyerStanding>): BuyerStanding {
  return { levelId: row.levelId == null ? null : Number(row.levelId), pointsBalance: Number(row.pointsBalance ?? 0) };
}

/** The SKUs found, by id; a SKU whose product is deleted comes back without product columns: it is not for sale. */
function skusOf(rows: Partial<SellableSkuRow>[]): Map<number, SellableSku> {
  const skus = new Map<number, SellableSku>();
  for (const row of rows) if (row.id != null && row.title != null) skus.set(Number(row.id), sellableSkuFromRow(row as SellableSkuRow));
  return skus;
}
