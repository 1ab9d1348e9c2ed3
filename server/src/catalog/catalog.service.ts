import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository, type SelectQueryBuilder } from 'typeorm';
import type { CategoryNode, HomeResponse, HotWordsResponse, Paginated, ProductDetail, ProductSort, ProductSummary } from '../../../shared';
import { escapeLike } from '../platform/database/like';
import { ApiException } from '../platform/errors/api-exception';
import { paginated } from '../platform/http/page-query.dto';
import { BannersService } from './banners.service';
import { categoryTree, shownSalesCount, toProductDetail, toProductSummary } from './catalog-views';
import { CategoryRow } from './category.entity';
import { ProductListQueryDto } from './shop-catalog.dto';
import { ProductRow, realSalesSql } from './product.entity';
import { SkuRow } from './sku.entity';

/** 已售 as shown (shownSalesCount in SQL): real sales are kept per SKU (product-sales.ts). */
const SHOWN_SALES = `(p.baseSalesCount + (${realSalesSql('p')}))`;
/**
 * The headline price in SQL (priceHeadline): the cheapest SKU in stock, else the cheapest SKU. Computed per
 * product at read time because stock moves with every order; skus(productId) is indexed.
 */
const HEADLINE_PRICE = 'COALESCE((SELECT MIN(s.priceFen) FROM skus s WHERE s.productId = p.id AND s.stock > 0), p.minPriceFen)';

/** ORDER BY of each shopper sort, on the figures the cards show; id breaks ties so pages never overlap. */
const SORTS: Record<ProductSort, [string, 'ASC' | 'DESC'][]> = {
  default: [['p.sortOrder', 'ASC'], [SHOWN_SALES, 'DESC'], ['p.id', 'DESC']],
  sales: [[SHOWN_SALES, 'DESC'], ['p.id', 'DESC']],
  price_asc: [[HEADLINE_PRICE, 'ASC'], ['p.id', 'ASC']],
  price_desc: [[HEADLINE_PRICE, 'DESC'], ['p.id', 'DESC']],
  newest: [['p.createdAt', 'DESC'], ['p.id', 'DESC']],
};

/** How many 热门搜索 words the search page offers. */
const HOT_WORDS = 8;

/** What shoppers see of the catalog: only on-shelf products. */
@Injectable()
export class CatalogService {
  constructor(
    @InjectRepository(CategoryRow) private readonly categories: Repository<CategoryRow>,
    @InjectRepository(ProductRow) private readonly products: Repository<ProductRow>,
    @InjectRepository(SkuRow) private readonly skus: Repository<SkuRow>,
    private readonly banners: BannersService,
  ) {}

  async home(): Promise<HomeResponse> {
    const [banners, categories] = await Promise.all([
      this.banners.forShoppers(),
      this.categoryTree(),
    ]);
    return { banners, categories };
  }

  async categoryTree(): Promise<CategoryNode[]> {
    return categoryTree(await this.categories.find());
  }

  async listProducts(query: ProductListQueryDto): Promise<Paginated<ProductSummary>> {
    const builder = this.products.createQueryBuilder('p').where('p.onShelf = :onShelf', { onShelf: true });
    if (query.categoryId !== undefined) {
      builder.andWhere('p.categoryId IN (:...categoryIds)', { categoryIds: await this.categoryWithChildren(query.categoryId) });
    }
    applyKeyword(builder, query.keyword);
    SORTS[query.sort].forEach(([column, direction], index) =>
      index === 0 ? builder.orderBy(column, direction) : builder.addOrderBy(column, direction),
    );
    const [rows, total] = await builder.skip(query.offset).take(query.pageSize).getManyAndCount();
    const skus = rows.length ? await this.skus.find({ where: { productId: In(rows.map((row) => row.id)) } }) : [];
    return paginated(
      rows.map((product) => toProductSummary(product, skus.filter((sku) => sku.productId === product.id))),
      total,
      query,
    );
  }

  /**
   * 热门搜索: the tags of on-shelf products that can be bought, ranked by the 已售 of the products carrying
   * them (a tag is a search hit: the keyword search matches tags). Empty when no product has tags.
   */
  async hotWords(): Promise<HotWordsResponse> {
    const products = await this.products.find({
      select: { id: true, tags: true, salesCount: true, baseSalesCount: true },
      where: { onShelf: true, totalStock: MoreThan(0) },
    });
    const sold = new Map<string, number>();
    for (const product of products) {
      for (const tag of product.tags) sold.set(tag, (sold.get(tag) ?? 0) + shownSalesCount(product));
    }
    const words = [...sold].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, HOT_WORDS).map(([tag]) => tag);
    return { words };
  }

  async productDetail(id: number): Promise<ProductDetail> {
    const product = await this.products.findOneBy({ id, onShelf: true });
    if (!product) throw new ApiException('PRODUCT_NOT_FOUND', HttpStatus.NOT_FOUND, '商品不存在或已下架');
    const skus = await this.skus.find({ where: { productId: id }, order: { id: 'ASC' } });
    return toProductDetail(product, skus);
  }

  /** The category and, for a top-level one, its children; 404 for an unknown category. */
  async categoryWithChildren(categoryId: number): Promise<number[]> {
    const category = await this.categories.findOneBy({ id: categoryId });
    if (!category) throw new ApiException('CATEGORY_NOT_FOUND', HttpStatus.NOT_FOUND, '分类不存在');
    const children = await this.categories.find({ select: { id: true }, where: { parentId: categoryId } });
    return [categoryId, ...children.map((child) => child.id)];
  }
}

/** Keyword search over title, subtitle and tags; LIKE wildcards in the keyword match literally. */
export function applyKeyword(builder: SelectQueryBuilder<ProductRow>, keyword: string | undefined): void {
  const trimmed = keyword?.trim();
  if (!trimmed) return;
  builder.andWhere("(p.title LIKE :keyword ESCAPE '!' OR p.subtitle LIKE :keyword ESCAPE '!' OR p.tags LIKE :keyword ESCAPE '!')", {
    keyword: `%${escapeLike(trimmed)}%`,
  });
}
