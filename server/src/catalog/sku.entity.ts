import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One sellable combination of a product's spec values. Stock changes only through conditional updates. */
@Entity('skus')
export class SkuRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_skus_product')
  @Column({ type: 'int' })
  productId: number;

  /** One value per spec dimension, in the product's spec order. */
  @Column({ type: 'simple-json' })
  specValues: string[];

  @Column({ type: 'int' })
  priceFen: number;

  @Column({ type: 'int', nullable: true })
  originalPriceFen: number | null;

  @Column({ type: 'int', default: 0 })
  stock: number;

  /** Units of this SKU sold through this shop: + on payment, − on refund (src/catalog/product-sales.ts). */
  @Column({ type: 'int', default: 0 })
  salesCount: number;

  @Index('UQ_skus_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  skuCode: string;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
