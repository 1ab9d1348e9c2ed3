import { Column, CreateDateColumn, DeleteDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DetailBlock, SpecDimension } from '../../../shared';

/**
 * A product. minPriceFen, minPriceOriginalFen and totalStock are copies of SKU facts, refreshed whenever
 * SKUs change, so lists can sort and filter on them without joining SKUs.
 * JSON-ish fields are `simple-json` (text): MariaDB's json type is unsafe with TypeORM.
 */
@Entity('products')
@Index('IDX_products_shelf_category', ['onShelf', 'categoryId'])
@Index('IDX_products_shelf_sales', ['onShelf', 'salesCount'])
@Index('IDX_products_shelf_price', ['onShelf', 'minPriceFen'])
export class Product {
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

  /** Units sold through this shop: + on payment, − on refund (src/catalog/product-sales.ts). Never set by hand. */
  @Column({ type: 'int', default: 0 })
  salesCount: number;

  /** 基础销量: a starting figure the owner enters (sales made before or outside this shop), kept apart from salesCount. */
  @Column({ type: 'int', default: 0 })
  baseSalesCount: number;

  @Column({ type: 'int', default: 0 })
  minPriceFen: number;

  /** Original price of the cheapest SKU. */
  @Column({ type: 'int', nullable: true })
  minPriceOriginalFen: number | null;

  @Column({ type: 'int', default: 0 })
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
