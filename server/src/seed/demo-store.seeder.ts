import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { specCombinations, type SaveProductRequest } from '../../../shared';
import { BannerRow } from '../catalog/banner.entity';
import { CategoriesAdminService } from '../catalog/categories-admin.service';
import { CategoryRow } from '../catalog/category.entity';
import { ProductRow } from '../catalog/product.entity';
import { ProductsAdminService } from '../catalog/products-admin.service';
import { CouponTemplatesService } from '../coupons/coupon-templates.service';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { FileStorage } from '../platform/storage/file-storage';
import { ShopProfileService } from '../settings/shop-profile.service';
import { StaffRow } from '../staff/staff.entity';
import { StaffService } from '../staff/staff.service';
import { BRAND, DEMO_BANNERS, DEMO_CATEGORIES, DEMO_PROFILE, type DemoCategory, type DemoProduct } from './demo-catalog';
import { DEMO_COUPONS } from './demo-coupons';
import { DEMO_STAFF } from './demo-staff';
import { claimSeed } from './seed-claim';
import { bannerArt, categoryIconArt, productArt } from './svg-art';

const CATALOG_SEED = 'demo-catalog-v1';
const COUPONS_SEED = 'demo-coupons-v1';

/** Shop prices end in .90 (e.g. 88.00 + steps → 87.90), as shops price things. */
function shopPrice(fen: number): number {
  return Math.max(90, Math.round(fen / 100) * 100 - 10);
}

/** Deterministic stock per SKU so every run of the seed builds the same store; some combinations sold out. */
function demoStock(productIndex: number, skuIndex: number, product: DemoProduct): number {
  if (product.soldOut) return 0;
  const value = (productIndex * 37 + skuIndex * 53) % 220;
  return value < 14 ? 0 : value;
}

/**
 * Seeds an empty database with the demo store: staff accounts, categories, products with SKU matrices,
 * banners and locally generated SVG images. Idempotent: staff are created only when missing, and the
 * catalog only once (a seed_runs row claims it, so parallel first starts do not both seed).
 */
@Injectable()
export class DemoStoreSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly staff: StaffService,
    private readonly categories: CategoriesAdminService,
    private readonly products: ProductsAdminService,
    private readonly storage: FileStorage,
    private readonly coupons: CouponTemplatesService,
    private readonly profile: ShopProfileService,
  ) {}

  async seed(): Promise<void> {
    await this.seedStaff();
    await this.seedCatalog();
  }

  /** The demo coupons, once per database (also into a store seeded before coupons existed). */
  async seedCoupons(): Promise<void> {
    if (!(await claimSeed(this.transactions, COUPONS_SEED))) return;
    for (const coupon of DEMO_COUPONS) await this.coupons.create(coupon);
  }

  private async seedStaff(): Promise<void> {
    if ((await this.dataSource.getRepository(StaffRow).count()) > 0) return;
    for (const account of DEMO_STAFF) {
      await this.staff.ensure(account.username, account.displayName, account.password, account.role);
    }
  }

  private async seedCatalog(): Promise<void> {
    const hasCatalog =
      (await this.dataSource.getRepository(CategoryRow).count()) > 0 || (await this.dataSource.getRepository(ProductRow).count()) > 0;
    if (hasCatalog || !(await claimSeed(this.transactions, CATALOG_SEED))) return;

    const productIds = new Map<string, number>();
    const topCategoryIds: number[] = [];
    let productIndex = 0;
    for (const [categoryIndex, category] of DEMO_CATEGORIES.entries()) {
      const icon = await this.storage.save('seed', Buffer.from(categoryIconArt(category.name, category.palette)), 'svg');
      const top = await this.categories.create({ name: category.name, icon, sortOrder: categoryIndex * 10 });
      topCategoryIds.push(top.id);
      for (const [childIndex, child] of category.children.entries()) {
        const childIcon = await this.storage.save('seed', Buffer.from(categoryIconArt(child.name, category.palette)), 'svg');
        const sub = await this.categories.create({ name: child.name, parentId: top.id, icon: childIcon, sortOrder: childIndex * 10 });
        for (const product of child.products) {
          const saved = await this.products.create(await this.productRequest(category, sub.id, product, productIndex++));
          productIds.set(product.title, saved.id);
        }
      }
    }

    for (const [index, banner] of DEMO_BANNERS.entries()) {
      const category = DEMO_CATEGORIES[banner.categoryIndex];
      const imageUrl = await this.storage.save('seed', Buffer.from(bannerArt(banner.title, banner.tagline, category.motif, category.palette)), 'svg');
      await this.transactions.run((manager) =>
        manager.insert(BannerRow, {
          title: banner.title,
          imageUrl,
          ...demoBannerLink(banner, productIds, topCategoryIds),
          sortOrder: index,
        }),
      );
    }
    await this.profile.save(DEMO_PROFILE);
  }

  private async productRequest(
    category: DemoCategory,
    categoryId: number,
    product: DemoProduct,
    productIndex: number,
  ): Promise<SaveProductRequest> {
    const art = (variant: number) =>
      this.storage.save('seed', Buffer.from(productArt(product.title, product.subtitle, BRAND, category.motif, category.palette, variant)), 'svg');
    const images = [await art(0), await art(1)];
    const { specs, priceSteps } = category.specs;
    const skus = specCombinations(specs).map((specValues, skuIndex) => {
      const stepFen = specValues.reduce((sum, value, dim) => sum + priceSteps[dim][specs[dim].values.indexOf(value)], 0);
      const priceFen = shopPrice(product.basePriceFen + stepFen);
      return {
        specValues,
        priceFen,
        // Every other product shows a crossed-out price (a 20% markdown).
        originalPriceFen: productIndex % 2 === 0 ? Math.round((priceFen * 1.25) / 100) * 100 : null,
        stock: demoStock(productIndex, skuIndex, product),
      };
    });
    return {
      categoryId,
      title: product.title,
      subtitle: product.subtitle,
      images,
      detail: [
        { type: 'text', text: product.story },
        { type: 'image', url: images[1] },
        { type: 'text', text: `${BRAND}承诺：产地直采，48 小时内发货；收到不满意，7 天无理由退换。` },
      ],
      tags: product.tags,
      onShelf: true,
      sortOrder: productIndex,
      // The demo's figures stand for sales before this shop opened: 基础销量, never real sales.
      baseSalesCount: product.baseSalesCount,
      specs,
      skus,
    };
  }
}

function demoBannerLink(
  banner: (typeof DEMO_BANNERS)[number],
  productIds: Map<string, number>,
  topCategoryIds: number[],
): Pick<BannerRow, 'linkType' | 'linkTarget'> {
  const productId = banner.productTitle ? productIds.get(banner.productTitle) : undefined;
  if (productId !== undefined) return { linkType: 'product', linkTarget: String(productId) };
  if (banner.page) return { linkType: 'page', linkTarget: banner.page };
  return { linkType: 'category', linkTarget: String(topCategoryIds[banner.categoryIndex]) };
}
