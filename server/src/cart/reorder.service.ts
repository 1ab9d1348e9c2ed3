import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReorderResult, ReorderSkipReason } from '../../../shared';
import { lockMember } from '../platform/database/member-lock';
import { OrdersService } from '../orders/orders.service';
import { findSellableSkus } from '../orders/sellable-skus';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { CartService } from './cart.service';

/**
 * 再来一单: the lines of one of the member's orders go back into the cart, each judged as it is now (deleted,
 * off the shelf, sold out) and added with the ordered quantity, or what is left in stock when less.
 * Prices are not copied: the cart and checkout price everything again.
 */
@Injectable()
export class ReorderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly orders: OrdersService,
    private readonly cart: CartService,
  ) {}

  async reorder(memberId: number, orderNo: string): Promise<ReorderResult> {
    const order = await this.orders.findOwned(memberId, orderNo);
    const lines = (await this.orders.linesOf([order.id])).get(order.id) ?? [];
    const skus = await findSellableSkus(this.dataSource.manager, lines.map((line) => line.skuId));
    return this.transactions.run(async (manager) => {
      await lockMember(manager, memberId);
      const result: ReorderResult = { added: [], skipped: [] };
      for (const line of lines) {
        const found = skus.get(line.skuId);
        const shown = { skuId: line.skuId, title: found?.product.title ?? line.title, specValues: found?.sku.specValues ?? line.specValues, orderedQuantity: line.quantity };
        const skip = (reason: ReorderSkipReason) => result.skipped.push({ ...shown, reason });
        if (!found) {
          skip('sku_deleted');
          continue;
        }
        if (!found.product.onShelf || found.sku.stock <= 0) {
          skip(found.product.onShelf ? 'sold_out' : 'off_shelf');
          continue;
        }
        const quantity = Math.min(line.quantity, found.sku.stock);
        if (await this.cart.putLine(manager, memberId, found, quantity)) result.added.push({ ...shown, quantity });
        else skip('cart_full');
      }
      return result;
    });
  }
}
