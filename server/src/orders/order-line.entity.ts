import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One SKU of an order, with the product/SKU as it was when the order was placed. */
@Entity('order_lines')
export class OrderLineRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_order_lines_order')
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'int' })
  productId: number;

  @Column({ type: 'int' })
  skuId: number;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'simple-json' })
  specValues: string[];

  @Column({ type: 'varchar', length: 500 })
  imageUrl: string;

  @Column({ type: 'int' })
  unitPriceFen: number;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'int' })
  lineTotalFen: number;

  /** Units refunded or being refunded (conditional arithmetic, never above quantity). */
  @Column({ type: 'int', default: 0 })
  refundedQuantity: number;
}
