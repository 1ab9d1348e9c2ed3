import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CART_MAX_ITEMS, CART_MAX_QUANTITY, type CartItem, type CartResponse } from '../../../shared';
import { lockMember } from '../members/member-lock';
import { fieldError, ApiException } from '../platform/errors/api-exception';
import { TransactionRunner } from '../platform/database/transaction-runner';
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

  async view(memberId: number): Promise<CartResponse> {
    const [rows, { shippingFeeFen, freeShippingThresholdFen }] = await Promise.all([
      this.dataSource.getRepository(CartItemRow).find({ where: { memberId }, order: { id: 'DESC' } }),
      this.settings.get(),
    ]);
    const skus = await findSellableSkus(this.dataSource.manager, rows.map((row) => row.skuId));
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
      // One member's parallel adds take turns: parallel first inserts of one line deadlocked on MariaDB.
      await lockMember(manager, memberId);
      if (!(await this.putLine(manager, memberId, found, quantity))) {
        throw new ApiException('CART_FULL', HttpStatus.CONFLICT, `购物车最多放 ${CART_MAX_ITEMS} 种商品，请先清理`);
      }
    });
    return this.view(memberId);
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
    if (await this.addToExistingLine(manager, memberId, skuId, quantity, line)) return true;
    if ((await manager.countBy(CartItemRow, { memberId })) >= CART_MAX_ITEMS) return false;
    await manager.insert(CartItemRow, { memberId, skuId, quantity, ...line });
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

  /** One conditional arithmetic UPDATE (no read-then-write): false when the member has no line for the SKU. */
  private async addToExistingLine(
    manager: EntityManager,
    memberId: number,
    skuId: number,
    quantity: number,
    line: Partial<CartItemRow>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(CartItemRow)
      .set({
        ...line,
        quantity: () => 'CASE WHEN quantity + :quantity > :max THEN :max ELSE quantity + :quantity END',
      })
      .where('memberId = :memberId AND skuId = :skuId', { memberId, skuId, quantity, max: CART_MAX_QUANTITY })
      .execute();
    return !!result.affected;
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
