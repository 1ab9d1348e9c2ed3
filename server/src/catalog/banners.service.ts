import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  isStorefrontPageKey,
  MAX_BANNERS,
  STOREFRONT_PAGES,
  type AdminBanner,
  type Banner as BannerView,
  type BannerLinkType,
} from '../../../shared';
import { lockedForUpdate } from '../platform/database/locking-read';
import { AnswerTags, answersEdited, answersEditedBy } from '../platform/cache/cache-changes';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { BannerRow } from './banner.entity';
import { toBannerView } from './catalog-views';
import { CategoryRow } from './category.entity';
import type { SaveBannerDto } from './banner.dto';
import { ProductRow } from './product.entity';

const bannerNotFound = () => new ApiException('BANNER_NOT_FOUND', HttpStatus.NOT_FOUND, '轮播图不存在');

/** What the links of some banners point at: the live products (not deleted) and the categories. */
interface LinkTargets {
  products: Map<number, Pick<ProductRow, 'id' | 'title' | 'onShelf'>>;
  categories: Map<number, string>;
}

/** The home carousel: staff edit, order and switch banners; shoppers get the enabled ones that still lead somewhere. */
@Injectable()
export class BannersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  /** The shoppers' carousel: enabled, in order, without banners whose product or category is gone or off shelf. */
  async forShoppers(): Promise<BannerView[]> {
    const banners = await this.repository().find({ where: { enabled: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
    const targets = await this.linkTargets(banners);
    return banners.filter((banner) => !linkBroken(banner, targets)).map(toBannerView);
  }

  async list(): Promise<AdminBanner[]> {
    const banners = await this.repository().find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    const targets = await this.linkTargets(banners);
    return banners.map((banner) => toAdminBanner(banner, targets));
  }

  /** Appends a banner after the others; 409 BANNER_LIMIT_REACHED at MAX_BANNERS. */
  async create(input: SaveBannerDto): Promise<AdminBanner> {
    const values = await this.checkedValues(input);
    const id = await this.transactions.run(async (manager) => {
      const count = (await lockedBannerIds(manager)).length;
      if (count >= MAX_BANNERS) {
        throw new ApiException('BANNER_LIMIT_REACHED', HttpStatus.CONFLICT, `最多 ${MAX_BANNERS} 张轮播图，请先删除不用的`);
      }
      const last = await manager.findOne(BannerRow, { select: { id: true, sortOrder: true }, where: {}, order: { sortOrder: 'DESC', id: 'DESC' } });
      const result = await manager.insert(BannerRow, { ...values, sortOrder: last ? last.sortOrder + 1 : 0 });
      await answersEdited(manager, AnswerTags.catalog);
      return result.identifiers[0].id as number;
    });
    return this.one(id);
  }

  async update(id: number, input: SaveBannerDto): Promise<AdminBanner> {
    const values = await this.checkedValues(input);
    const result = await this.transactions.run((manager) => answersEditedBy(manager, AnswerTags.catalog, manager.update(BannerRow, { id }, values)));
    if (!result.affected) throw bannerNotFound();
    return this.one(id);
  }

  async remove(id: number): Promise<void> {
    const result = await this.transactions.run((manager) => answersEditedBy(manager, AnswerTags.catalog, manager.delete(BannerRow, { id })));
    if (!result.affected) throw bannerNotFound();
  }

  /** Puts the banners in the given order; the ids must be exactly the current banners (else 400 BANNER_ORDER_INVALID). */
  async reorder(ids: number[]): Promise<AdminBanner[]> {
    await this.transactions.run(async (manager) => {
      const current = await lockedBannerIds(manager);
      if (current.length !== ids.length || !current.every((id) => ids.includes(id))) {
        throw new ApiException('BANNER_ORDER_INVALID', HttpStatus.BAD_REQUEST, '轮播图已被他人修改，请刷新后重新排序', { current });
      }
      for (const [sortOrder, id] of ids.entries()) await manager.update(BannerRow, { id }, { sortOrder });
      await answersEdited(manager, AnswerTags.catalog);
    });
    return this.list();
  }

  private async one(id: number): Promise<AdminBanner> {
    const banner = await this.repository().findOneBy({ id });
    if (!banner) throw bannerNotFound();
    return toAdminBanner(banner, await this.linkTargets([banner]));
  }

  /** The stored values of a valid banner; a link to an unknown or deleted product, category or page is 400 BANNER_LINK_INVALID. */
  private async checkedValues(input: SaveBannerDto): Promise<Pick<BannerRow, 'title' | 'imageUrl' | 'linkType' | 'linkTarget' | 'enabled'>> {
    const target = input.linkType === 'none' ? null : (input.linkTarget?.trim() ?? '');
    const invalid = (message: string) =>
      new ApiException('BANNER_LINK_INVALID', HttpStatus.BAD_REQUEST, message, { linkType: input.linkType, linkTarget: input.linkTarget });
    if (input.linkType === 'product' || input.linkType === 'category') {
      const id = /^[1-9]\d{0,9}$/.test(target!) ? Number(target) : null;
      const exists =
        id !== null &&
        (input.linkType === 'product'
          ? await this.dataSource.getRepository(ProductRow).existsBy({ id })
          : await this.dataSource.getRepository(CategoryRow).existsBy({ id }));
      if (!exists) throw invalid(input.linkType === 'product' ? '链接的商品不存在或已删除' : '链接的分类不存在');
    }
    if (input.linkType === 'page' && !isStorefrontPageKey(target)) throw invalid('链接的店铺页面不存在');
    return { title: input.title.trim(), imageUrl: input.imageUrl, linkType: input.linkType, linkTarget: target, enabled: input.enabled };
  }

  private async linkTargets(banners: BannerRow[]): Promise<LinkTargets> {
    const idsOf = (type: BannerLinkType) => banners.filter((banner) => banner.linkType === type).map((banner) => Number(banner.linkTarget));
    const productIds = idsOf('product');
    const categoryIds = idsOf('category');
    const [products, categories] = await Promise.all([
      // Soft-deleted products are left out by find, so a deleted product reads as gone.
      productIds.length ? this.dataSource.getRepository(ProductRow).find({ select: { id: true, title: true, onShelf: true }, where: { id: In(productIds) } }) : [],
      categoryIds.length ? this.dataSource.getRepository(CategoryRow).find({ select: { id: true, name: true }, where: { id: In(categoryIds) } }) : [],
    ]);
    return {
      products: new Map(products.map((product) => [product.id, product])),
      categories: new Map(categories.map((category) => [category.id, category.name])),
    };
  }

  private repository() {
    return this.dataSource.getRepository(BannerRow);
  }
}

/** Every banner id, read FOR UPDATE (MySQL: the rows and the gap after them), so additions and reorders take turns. */
async function lockedBannerIds(manager: EntityManager): Promise<number[]> {
  return (await lockedForUpdate(manager.createQueryBuilder(BannerRow, 'b').select('b.id')).getMany()).map((banner) => banner.id);
}

function linkBroken(banner: BannerRow, targets: LinkTargets): boolean {
  if (banner.linkType === 'product') return !targets.products.get(Number(banner.linkTarget))?.onShelf;
  if (banner.linkType === 'category') return !targets.categories.has(Number(banner.linkTarget));
  if (banner.linkType === 'page') return !isStorefrontPageKey(banner.linkTarget);
  return false;
}

function linkLabel(banner: BannerRow, targets: LinkTargets): string | null {
  switch (banner.linkType) {
    case 'product':
      return targets.products.get(Number(banner.linkTarget))?.title ?? null;
    case 'category':
      return targets.categories.get(Number(banner.linkTarget)) ?? null;
    case 'page':
      return isStorefrontPageKey(banner.linkTarget) ? STOREFRONT_PAGES[banner.linkTarget] : null;
    default:
      return null;
  }
}

function toAdminBanner(banner: BannerRow, targets: LinkTargets): AdminBanner {
  return {
    ...toBannerView(banner),
    enabled: banner.enabled,
    sortOrder: banner.sortOrder,
    linkLabel: linkLabel(banner, targets),
    linkBroken: linkBroken(banner, targets),
  };
}
