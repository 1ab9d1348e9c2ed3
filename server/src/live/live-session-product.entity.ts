import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A featured product of a session, shown in `position` order. */
@Entity('live_session_products')
export class LiveSessionProductRow {
  @PrimaryColumn({ type: 'int' })
  sessionId: number;

  @PrimaryColumn({ type: 'int' })
  productId: number;

  @Column({ type: 'int' })
  position: number;
}
