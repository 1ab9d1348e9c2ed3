import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Units an order bought at a session's live price: what a cancel of the unpaid order gives back, once. */
@Entity('live_price_takes')
export class LivePriceTakeRow {
  @PrimaryColumn({ type: 'int' })
  orderId: number;

  @PrimaryColumn({ type: 'int' })
  skuId: number;

  @Column({ type: 'int' })
  sessionId: number;

  @Column({ type: 'int' })
  quantity: number;
}
