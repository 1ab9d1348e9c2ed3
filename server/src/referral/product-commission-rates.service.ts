import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { ProductCommissionRate, SaveProductCommissionRateRequest } from '../../../shared';
import { ProductRow } from '../catalog/product.entity';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { incoming, upsertRow } from '../platform/database/upsert';
import { ApiException } from '../platform/errors/api-exception';
import { ProductCommissionRateRow } from './product-commission-rate.entity';
import { assertRatesWithinLine } from './referral-settings.service';

const productNotFound = () => new ApiException('PRODUCT_NOT_FOUND', HttpStatus.NOT_FOUND, '商品不存在或已删除');

/** Per-product commission rates: a product listed here pays its own level-1 (and level-2) rate instead of the shop's. */
@Injectable()
export class ProductCommissionRatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(): Promise<ProductCommissionRate[]> {
    const rows = await this.dataSource.getRepository(ProductCommissionRateRow).find({ order: { productId: 'ASC' } });
    const titles = await this.titles(rows.map((row) => row.productId));
    return rows.map((row) => toRate(row, titles.get(row.productId) ?? ''));
  }

  async save(productId: number, input: SaveProductCommissionRateRequest): Promise<ProductCommissionRate> {
    assertRatesWithinLine(input.level1RateBp, input.level2RateBp);
    const title = (await this.titles([productId])).get(productId);
    if (title === undefined) throw productNotFound();
    await this.transactions.run((manager) =>
      upsertRow(manager, ProductCommissionRateRow, { productId, level1RateBp: input.level1RateBp, level2RateBp: input.level2RateBp }, ['productId'], {
        level1RateBp: incoming('level1RateBp'),
        level2RateBp: incoming('level2RateBp'),
      }),
    );
    return { productId, productTitle: title, level1RateBp: input.level1RateBp, level2RateBp: input.level2RateBp };
  }

  /** Back to the shop's rates; 404 when the product had none of its own. */
  async remove(productId: number): Promise<void> {
    const result = await this.transactions.run((manager) => manager.delete(ProductCommissionRateRow, { productId }));
    if (!result.affected) throw new ApiException('PRODUCT_NOT_FOUND', HttpStatus.NOT_FOUND, '这个商品没有单独的佣金比例');
  }

  /** The products' own rates, by product id (products without are absent). */
  async ratesOf(manager: EntityManager, productIds: number[]): Promise<Map<number, ProductCommissionRateRow>> {
    if (productIds.length === 0) return new Map();
    const rows = await manager.findBy(ProductCommissionRateRow, { productId: In(productIds) });
    return new Map(rows.map((row) => [row.productId, row]));
  }

  private async titles(productIds: number[]): Promise<Map<number, string>> {
    if (productIds.length === 0) return new Map();
    const products = await this.dataSource.getRepository(ProductRow).find({ select: { id: true, title: true }, where: { id: In(productIds) } });
    return new Map(products.map((product) => [product.id, product.title]));
  }
}

function toRate(row: ProductCommissionRateRow, productTitle: string): ProductCommissionRate {
  return { productId: row.productId, productTitle, level1RateBp: row.level1RateBp, level2RateBp: row.level2RateBp };
}
