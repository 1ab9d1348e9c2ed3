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
  const skus = new Map<number, SellableSku>();
  // A SKU whose product is deleted comes back without product columns: it is not for sale.
  for (const row of rows) if (row.id != null && row.title != null) skus.set(Number(row.id), sellableSkuFromRow(row as SellableSkuRow));
  const { levelId, pointsBalance } = rows[0];
  return {
    address: addressFromPlainRow(rows[0]),
    buyer: { levelId: levelId === null ? null : Number(levelId), pointsBalance: Number(pointsBalance) },
    skus,
  };
}
