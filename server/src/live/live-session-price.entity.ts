import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A SKU's 直播专享价 in a session. `unitsTaken` counts units sold at that price against `unitQuota` (0 = no limit),
 * changed only by conditional arithmetic.
 */
@Entity('live_session_prices')
export class LiveSessionPriceRow {
  @PrimaryColumn({ type: 'int' })
  sessionId: number;

  @PrimaryColumn({ type: 'int' })
  skuId: number;

  @Column({ type: 'int' })
  productId: number;

  @Column({ type: 'int' })
  livePriceFen: number;

  @Column({ type: 'int', default: 0 })
  unitQuota: number;

  @Column({ type: 'int', default: 0 })
  unitsTaken: number;
}
