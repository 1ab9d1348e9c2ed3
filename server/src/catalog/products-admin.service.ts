import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import type { AdminProductDetail, AdminProductRow, BulkProductAction, BulkProductResult, Paginated, StockAdjustmentResponse } from '../../../shared';
import { adjustSkuStock, recordInitialStock, setSkuStocks } from '../inventory/stock-ledger';
import { AnswerTags, answersEdited, answersEditedBy } from '../platform/cache/cache-changes';
import { lockedForUpdate } from '../platform/database/locking-read';
import { isUniqueViolation, TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { paginated } from '../platform/http/page-query.dto';
import { applyKeyword, CatalogService } from './catalog.service';
import { toAdminProductDetail } from './catalog-views';
import { CategoryRow } from './category.entity';
import { AdminProductQueryDto, SaveProductDto, SaveSkuDto } from './admin-catalog.dto';
import { carrySalesOfRemovedSkus } from './product-sales';
import { ProductRow } from './product.entity';
import { SkuRow } from './sku.entity';
import { assertValidSkuMatrix } from './sku-matrix-rules';

const productNotFound = () => new ApiException('PRODUCT_NOT_FOUND', HttpStatus.NOT_FOUND, '商品不存在');
const skuCodeTaken = (code?: string) =>
  new ApiException('SKU_CODE_TAKEN', HttpStatus.CONFLICT, code ? `SKU 编码 ${code} 已被使用` : 'SKU 编码已被使用');

/** A SKU code for SKUs saved without one: short, unique in practice, and unique-indexed anyway. */
function generateSkuCode(): string {
  return `SKU${Date.now().toString(36).toUpperCase()}${randomBytes(3).toString('hex').toUpperCase()}`;
}

/** The product's copies of SKU prices (cheapest price and its original price). */
function skuPriceSummary(skus: { priceFen: number; originalPriceFen?: number | null }[]) {
  const cheapest = skus.reduce((min, sku) => (sku.priceFen < min.priceFen ? sku : min), skus[0]);
  return { minPriceFen: cheapest.priceFen, minPriceOriginalFen: cheapest.originalPriceFen ?? null };
}

/** Staff-side product management: lists, the product with its SKU matrix, shelf, stock. */
@Injectable()
export class ProductsAdminService {
  constructor(
    @InjectRepository(ProductRow) private readonly products: Repository<ProductRow>,
    @InjectRepository(SkuRow) private readonly skus: Repository<SkuRow>,
    @InjectRepository(CategoryRow) private readonly categories: Repository<CategoryRow>,
    private readonly transactions: TransactionRunner,
    private readonly catalog: CatalogService,
  ) {}

  async list(query: AdminProductQueryDto): Promise<Paginated<AdminProductRow>> {
    const builder = this.products.createQueryBuilder('p').orderBy('p.id', 'DESC').skip(query.offset).take(query.pageSize);
    if (query.categoryId !== undefined) {
      // Same as the shop: a top-level category lists its subcategories' products too.
      builder.andWhere('p.categoryId IN (:...categoryIds)', { categoryIds: await this.catalog.categoryWithChildren(query.categoryId) });
    }
    if (query.onShelf !== undefined) builder.andWhere('p.onShelf = :onShelf', { onShelf: query.onShelf });
    applyKeyword(builder, query.keyword);
    const [rows, total] = await builder.getManyAndCount();
    const categoryIds = [...new Set(rows.map((row) => row.categoryId))];
    const names = new Map(
      (categoryIds.length ? await this.categories.findBy({ id: In(categoryIds) }) : []).map((c) => [c.id, c.name]),
    );
    const items = rows.map((product) => ({
      id: product.id,
      title: product.title,
      coverUrl: product.images[0] ?? '',
      categoryId: product.categoryId,
      categoryName: names.get(product.categoryId) ?? '',
      minPriceFen: product.minPriceFen,
      totalStock: product.totalStock,
      salesCount: product.salesCount,
      baseSalesCount: product.baseSalesCount,
      onShelf: product.onShelf,
      sortOrder: product.sortOrder,
      memberPriceEnabled: product.memberPriceEnabled,
      updatedAt: product.updatedAt.toISOString(),
    }));
    return paginated(items, total, query);
  }

  async detail(id: number): Promise<AdminProductDetail> {
    const product = await this.products.findOneBy({ id });
    if (!product) throw productNotFound();
    return toAdminProductDetail(product, await this.skus.find({ where: { productId: id }, order: { id: 'ASC' } }));
  }

  /** `staffId`: who created it, for the SKUs' `initial` stock movements (null for the demo seed). */
  async create(input: SaveProductDto, staffId: number | null = null): Promise<AdminProductDetail> {
    await this.assertSavable(input);
    const id = await this.saving(input, async (manager) => {
      const result = await manager.insert(ProductRow, {
        ...this.productFields(input),
        onShelf: input.onShelf ?? false,
        memberPriceEnabled: input.memberPriceEnabled ?? true,
        ...skuPriceSummary(input.skus),
      });
      const productId = result.identifiers[0].id as number;
      await this.insertSkus(manager, productId, input.skus, staffId);
      await answersEdited(manager, AnswerTags.catalog);
      return productId;
    });
    return this.detail(id);
  }

  /** Replaces the product and its SKU matrix: SKUs with an id are updated, new ones added, missing ones removed. */
  async replace(id: number, input: SaveProductDto, staffId: number | null = null): Promise<AdminProductDetail> {
    if (!(await this.products.existsBy({ id }))) throw productNotFound();
    await this.assertSavable(input);
    const existingIds = new Set((await this.skus.find({ select: { id: true }, where: { productId: id } })).map((s) => s.id));
    const ids = input.skus.flatMap((sku) => (sku.id === undefined ? [] : [sku.id]));
    if (new Set(ids).size !== ids.length) {
      throw new ApiException('SKU_MATRIX_INVALID', HttpStatus.BAD_REQUEST, '同一个 SKU 不能出现两次');
    }
    input.skus.forEach((sku, index) => {
      if (sku.id !== undefined && !existingIds.has(sku.id)) {
        throw new ApiException('SKU_NOT_FOUND', HttpStatus.NOT_FOUND, `skus.${index}.id：该商品没有 ID 为 ${sku.id} 的 SKU`);
      }
    });
    await this.saving(input, async (manager) => {
      const keptIds = input.skus.flatMap((sku) => (sku.id === undefined ? [] : [sku.id]));
      const removed = [...existingIds].filter((skuId) => !keptIds.includes(skuId));
      // The product's SKU rows are locked in id order first, as orders lock them, so an edit and an order
      // never wait on each other in opposite orders (the deletes and updates below hold no other SKU rows).
      await lockedForUpdate(manager.createQueryBuilder(SkuRow, 's').select('s.id').where({ productId: id }).orderBy('s.id', 'ASC')).getMany();
      if (removed.length > 0) {
        await carrySalesOfRemovedSkus(manager, id, removed);
        await manager.delete(SkuRow, { id: In(removed) });
      }
      const kept = input.skus.filter((s) => s.id !== undefined);
      // Only the change staff made in the form is applied; units sold while it was open stay sold.
      const restocked = kept.filter((sku) => sku.stockBefore === undefined || sku.stock !== sku.stockBefore);
      await setSkuStocks(manager, restocked.map((sku) => ({ skuId: sku.id!, stock: sku.stock, stockBefore: sku.stockBefore })), staffId);
      for (const sku of kept) {
        await manager.update(SkuRow, { id: sku.id, productId: id }, this.skuFields(sku));
      }
      await this.insertSkus(manager, id, input.skus.filter((s) => s.id === undefined), staffId);
      await manager.update(ProductRow, { id, deletedAt: IsNull() }, {
        ...this.productFields(input),
        ...(input.onShelf === undefined ? {} : { onShelf: input.onShelf }),
        ...(input.memberPriceEnabled === undefined ? {} : { memberPriceEnabled: input.memberPriceEnabled }),
        ...skuPriceSummary(input.skus),
      });
      await answersEdited(manager, AnswerTags.catalog);
    });
    return this.detail(id);
  }

  async setShelf(id: number, onShelf: boolean): Promise<AdminProductDetail> {
    const result = await this.transactions.run((manager) => answersEditedBy(manager, AnswerTags.catalog, manager.update(ProductRow, { id, deletedAt: IsNull() }, { onShelf })));
    if (!result.affected) throw productNotFound();
    return this.detail(id);
  }

  /** Deletes a product: it leaves the shop and the console at once; orders keep their snapshots of it. */
  async remove(id: number): Promise<void> {
    const result = await this.transactions.run((manager) =>
      answersEditedBy(manager, AnswerTags.catalog, manager.update(ProductRow, { id, deletedAt: IsNull() }, { onShelf: false, deletedAt: new Date() })),
    );
    if (!result.affected) throw productNotFound();
  }

  /**
   * 上架 / 下架 / 删除 for many products, each by its own conditional update (so a product deleted or changed
   * meanwhile is reported, not overwritten, and one failure leaves the others done).
   */
  async bulk(action: BulkProductAction, ids: number[]): Promise<BulkProductResult> {
    const result: BulkProductResult = { succeeded: [], unchanged: [], failed: [] };
    for (const id of ids) {
      const live = { id, deletedAt: IsNull() };
      const changed = await this.transactions.run((manager) =>
        answersEditedBy(
          manager,
          AnswerTags.catalog,
          action === 'delete'
            ? manager.update(ProductRow, live, { onShelf: false, deletedAt: new Date() })
            : manager.update(ProductRow, { ...live, onShelf: action === 'off_shelf' }, { onShelf: action === 'on_shelf' }),
        ),
      );
      if (changed.affected) result.succeeded.push(id);
      else if (action !== 'delete' && (await this.products.existsBy({ id }))) result.unchanged.push(id);
      else result.failed.push({ id, code: 'PRODUCT_NOT_FOUND', message: '商品不存在或已删除' });
    }
    return result;
  }

  /** A staff member's stock change of one SKU: conditional (never below zero), kept in the stock ledger. */
  async adjustStock(skuId: number, delta: number, reason: string, staffId: number | null): Promise<StockAdjustmentResponse> {
    const stock = await this.transactions.run((manager) => adjustSkuStock(manager, { skuId, delta, staffId, note: reason.trim() }));
    return { skuId, stock };
  }

  private async assertSavable(input: SaveProductDto): Promise<void> {
    if (!(await this.categories.existsBy({ id: input.categoryId }))) {
      throw new ApiException('CATEGORY_NOT_FOUND', HttpStatus.NOT_FOUND, `categoryId：分类 ${input.categoryId} 不存在`);
    }
    assertValidSkuMatrix(input.specs, input.skus);
    const codes = input.skus.map((sku) => sku.skuCode).filter((code): code is string => !!code);
    const duplicate = codes.find((code, index) => codes.indexOf(code) !== index);
    if (duplicate) throw skuCodeTaken(duplicate);
  }

  /** Runs the write in a transaction; a unique violation there can only be a SKU code taken by another product. */
  private async saving<T>(input: SaveProductDto, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.transactions.run(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw skuCodeTaken();
      throw error;
    }
  }

  private productFields(input: SaveProductDto) {
    return {
      categoryId: input.categoryId,
      title: input.title.trim(),
      subtitle: input.subtitle?.trim() ?? '',
      images: input.images,
      detail: (input.detail ?? []).map((block) =>
        block.type === 'text' ? { type: 'text' as const, text: block.text! } : { type: 'image' as const, url: block.url! },
      ),
      tags: input.tags ?? [],
      sortOrder: input.sortOrder ?? 0,
      // Left as it is when a save does not send it (a new product starts at 0).
      ...(input.baseSalesCount !== undefined ? { baseSalesCount: input.baseSalesCount } : {}),
      specs: input.specs.map((spec) => ({ name: spec.name.trim(), values: spec.values })),
    };
  }

  /** A SKU's fields but its stock, which only the stock ledger writes. */
  private skuFields(sku: SaveSkuDto) {
    return {
      specValues: sku.specValues,
      priceFen: sku.priceFen,
      originalPriceFen: sku.originalPriceFen ?? null,
      ...(sku.skuCode ? { skuCode: sku.skuCode } : {}),
    };
  }

  /** Adds SKUs with their `initial` stock movements (the insert answers the new ids, in the rows' order). */
  private async insertSkus(manager: EntityManager, productId: number, skus: SaveSkuDto[], staffId: number | null): Promise<void> {
    if (skus.length === 0) return;
    const rows = skus.map((sku) => ({ ...this.skuFields(sku), stock: sku.stock, productId, skuCode: sku.skuCode || generateSkuCode() }));
    const { identifiers } = await manager.insert(SkuRow, rows);
    const saved = rows.map((row, index) => ({ id: identifiers[index].id as number, productId, stock: row.stock }));
    await recordInitialStock(manager, saved, staffId);
  }
}
