import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CART_MAX_ITEMS, CART_MAX_QUANTITY, type CartItem, type CartResponse } from '../../../shared';
import { lockMember } from '../platform/database/member-lock';
import { fieldError, ApiException } from '../platform/errors/api-exception';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { incoming, upsertRow, type UpsertSet } from '../platform/database/upsert';
import {
  findSellableSkus,
  outOfStock,
  productOffShelf,
  skuNotFound,
  snapshotOf,
  unavailableReason,
  type SellableSku,
} from '../orders/sellable-skus';
import { ShopSettingsService } from '../settings/shop-settings.service';
import { CartItemRow } from './cart-item.entity';
import type { AddCartItemDto, UpdateCartItemDto } from './cart.dto';

/** The member's cart. Every change answers the whole cart, with each line's availability checked now. */
@Injectable()
export class CartService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly settings: ShopSettingsService,
  ) {}

  /** `known`: SKUs the caller has just read (an add), not read again. */
  async view(memberId: number, known: ReadonlyMap<number, SellableSku> = new Map()): Promise<CartResponse> {
    const [rows, { shippingFeeFen, freeShippingThresholdFen }] = await Promise.all([
      this.dataSource.getRepository(CartItemRow).find({ where: { memberId }, order: { id: 'DESC' } }),
      this.settings.get(),
    ]);
    const skus = new Map(known);
    const unknown = rows.map((row) => row.skuId).filter((skuId) => !known.has(skuId));
    if (unknown.length > 0) for (const [skuId, found] of await findSellableSkus(this.dataSource.manager, unknown)) skus.set(skuId, found);
    const items = rows.map((row) => toCartItem(row, skus.get(row.skuId)));
    const buyable = items.filter((item) => item.selected && item.unavailableReason === null);
    return {
      items,
      totalQuantity: items.reduce((sum, item) => sum + item.quantity, 0),
      selectedQuantity: buyable.reduce((sum, item) => sum + item.quantity, 0),
      selectedSubtotalFen: buyable.reduce((sum, item) => sum + item.priceFen * item.quantity, 0),
      shippingRule: { shippingFeeFen, freeShippingThresholdFen },
    };
  }

  /** Adds to the SKU's line when there is one (capped at CART_MAX_QUANTITY), else adds a line. */
  async add(memberId: number, { skuId, quantity }: AddCartItemDto): Promise<CartResponse> {
    const found = (await findSellableSkus(this.dataSource.manager, [skuId])).get(skuId);
    if (!found) throw skuNotFound(skuId);
    if (!found.product.onShelf) throw productOffShelf(skuId, found.product.title);
    if (found.sku.stock <= 0) throw outOfStock(skuId, found.product.title);
    await this.transactions.run(async (manager) => {
      // One member's parallel adds take turns on the member's row, so the line count in putLine stays true.
      await lockMember(manager, memberId);
      if (!(await this.putLine(manager, memberId, found, quantity))) {
        throw new ApiException('CART_FULL', HttpStatus.CONFLICT, `购物车最多放 ${CART_MAX_ITEMS} 种商品，请先清理`);
      }
    });
    // The SKU was read just now, before the transaction: the cart shows it as read then.
    return this.view(memberId, new Map([[skuId, found]]));
  }

  /**
   * Adds units of a sellable SKU to the member's cart, inside a transaction that holds lockMember: to the
   * SKU's line when there is one, else as a new line. False when a new line would not fit (CART_MAX_ITEMS).
   */
  async putLine(manager: EntityManager, memberId: number, found: SellableSku, quantity: number): Promise<boolean> {
    const snapshot = snapshotOf(found);
    const line = {
      productId: snapshot.productId,
      title: snapshot.title,
      specValues: snapshot.specValues,
      imageUrl: snapshot.imageUrl,
      addedPriceFen: snapshot.priceFen,
      selected: true,
    };
    const skuId = found.sku.id;
    const [{ lineCount, hasLine }] = (await manager.query(
      'SELECT COUNT(*) AS lineCount, SUM(CASE WHEN skuId = ? THEN 1 ELSE 0 END) AS hasLine FROM cart_items WHERE memberId = ?',
      [skuId, memberId],
    )) as { lineCount: number | string; hasLine: number | string | null }[];
    if (!Number(hasLine) && Number(lineCount) >= CART_MAX_ITEMS) return false;
    // One statement adds the line or adds to it (capped at CART_MAX_QUANTITY): update-then-insert on the
    // (memberId, skuId) key deadlocked on MariaDB between different members' first adds (see upsertRow).
    const capped: UpsertSet = ({ column, incoming }) =>
      `CASE WHEN ${column('quantity')} + ${incoming('quantity')} > ${CART_MAX_QUANTITY} THEN ${CART_MAX_QUANTITY} ELSE ${column('quantity')} + ${incoming('quantity')} END`;
    await upsertRow(manager, CartItemRow, { memberId, skuId, quantity, ...line }, ['memberId', 'skuId'], {
      quantity: capped,
      productId: incoming('productId'),
      title: incoming('title'),
      specValues: incoming('specValues'),
      imageUrl: incoming('imageUrl'),
      addedPriceFen: incoming('addedPriceFen'),
      selected: incoming('selected'),
    });
    return true;
  }

  async update(memberId: number, itemId: number, changes: UpdateCartItemDto): Promise<CartResponse> {
    if (changes.quantity === undefined && changes.selected === undefined) {
      throw fieldError('quantity', '请提供 quantity 或 selected');
    }
    const result = await this.transactions.run((manager) => manager.update(CartItemRow, { id: itemId, memberId }, changes));
    if (!result.affected) throw cartItemNotFound();
    return this.view(memberId);
  }

  async remove(memberId: number, itemId: number): Promise<CartResponse> {
    const result = await this.transactions.run((manager) => manager.delete(CartItemRow, { id: itemId, memberId }));
    if (!result.affected) throw cartItemNotFound();
    return this.view(memberId);
  }

  async selectAll(memberId: number, selected: boolean): Promise<CartResponse> {
    await this.transactions.run((manager) => manager.update(CartItemRow, { memberId }, { selected }));
    return this.view(memberId);
  }
}

function cartItemNotFound(): ApiException {
  return new ApiException('CART_ITEM_NOT_FOUND', HttpStatus.NOT_FOUND, '购物车中没有这件商品');
}

/** The live product when it still exists, the line's snapshot otherwise. */
function toCartItem(row: CartItemRow, found: SellableSku | undefined): CartItem {
  const live = found ? snapshotOf(found) : null;
  return {
    id: row.id,
    skuId: row.skuId,
    productId: row.productId,
    title: live?.title ?? row.title,
    specValues: live?.specValues ?? row.specValues,
    imageUrl: live?.imageUrl ?? row.imageUrl,
    priceFen: live?.priceFen ?? row.addedPriceFen,
    addedPriceFen: row.addedPriceFen,
    quantity: row.quantity,
    selected: row.selected,
    stock: found?.sku.stock ?? 0,
    unavailableReason: unavailableReason(found, row.quantity),
  };
}
