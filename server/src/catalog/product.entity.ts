import { Column, CreateDateColumn, DeleteDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VirtualColumn } from 'typeorm';
import type { DetailBlock, SpecDimension } from '../../../shared';

/** Real sales of the product `alias` in SQL: what its SKUs sold plus the carried count (the one definition; catalog sorts use it too). */
export function realSalesSql(alias: string): string {
  return `SELECT ${alias}.carriedSalesCount + COALESCE(SUM(s.salesCount), 0) FROM skus s WHERE s.productId = ${alias}.id`;
}

/** SUM() answers a decimal string on MySQL/MariaDB. */
const wholeNumber = { from: (value: unknown) => Number(value ?? 0), to: (value: unknown) => value };

/**
 * A product. minPriceFen and minPriceOriginalFen are copies of SKU prices, refreshed when staff save the SKUs.
 * Stock and real sales live on the SKUs only (the row every order of a SKU already writes), so an order or a
 * payment never writes its product's row: totalStock and salesCount are summed from the SKUs when the product
 * is read (shoppers read through the answer cache, so the sums run once per change, not once per view).
 * JSON-ish fields are `simple-json` (text): MariaDB's json type is unsafe with TypeORM.
 */
@Entity('products')
@Index('IDX_products_shelf_category', ['onShelf', 'categoryId'])
@Index('IDX_products_shelf_price', ['onShelf', 'minPriceFen'])
export class ProductRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  categoryId: number;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 120, default: '' })
  subtitle: string;

  @Column({ type: 'simple-json' })
  images: string[];

  @Column({ type: 'simple-json' })
  detail: DetailBlock[];

  @Column({ type: 'simple-json' })
  tags: string[];

  @Column({ type: 'simple-json' })
  specs: SpecDimension[];

  @Column({ type: 'boolean', default: false })
  onShelf: boolean;

  /** 参与会员价: the member level's percentage applies to this product at checkout. */
  @Column({ type: 'boolean', default: true })
  memberPriceEnabled: boolean;

  /** Ascending: smaller numbers first in the default (综合) sort. */
  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  /**
   * Units sold through this shop (read only): the SKUs' sales (+ on payment, − on refund: src/catalog/product-sales.ts)
   * plus carriedSalesCount. Never set by hand.
   */
  @VirtualColumn({ type: 'int', transformer: wholeNumber, query: realSalesSql })
  salesCount: number;

  /**
   * Real sales no current SKU holds: those counted before sales were kept per SKU, and those of SKUs staff removed
   * since (so 已售 does not drop when a SKU goes). A refund of such units takes them off here.
   */
  @Column({ type: 'int', default: 0 })
  carriedSalesCount: number;

  /** 基础销量: a starting figure the owner enters (sales made before or outside this shop), kept apart from salesCount. */
  @Column({ type: 'int', default: 0 })
  baseSalesCount: number;

  @Column({ type: 'int', default: 0 })
  minPriceFen: number;

  /** Original price of the cheapest SKU. */
  @Column({ type: 'int', nullable: true })
  minPriceOriginalFen: number | null;

  /** The SKUs' stock together (read only). */
  @VirtualColumn({ type: 'int', transformer: wholeNumber, query: (alias) => `SELECT COALESCE(SUM(s.stock), 0) FROM skus s WHERE s.productId = ${alias}.id` })
  totalStock: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  /**
   * Set when staff delete the product. Orders keep their snapshots, so the row stays; TypeORM's find and
   * select queries leave deleted products out everywhere.
   */
  @DeleteDateColumn({ nullable: true })
  deletedAt: Date | null;
}
