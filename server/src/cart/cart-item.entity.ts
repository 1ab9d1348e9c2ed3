import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * One SKU in a member's cart (one row per member and SKU). Title, spec, image and price are a snapshot
 * from when it was added: the price shows a change at checkout, the rest shows a deleted SKU.
 */
@Entity('cart_items')
@Index('UQ_cart_items_member_sku', ['memberId', 'skuId'], { unique: true })
export class CartItemRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'int' })
  skuId: number;

  @Column({ type: 'int' })
  productId: number;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'boolean', default: true })
  selected: boolean;

  @Column({ type: 'int' })
  addedPriceFen: number;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'simple-json' })
  specValues: string[];

  @Column({ type: 'varchar', length: 500 })
  imageUrl: string;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
