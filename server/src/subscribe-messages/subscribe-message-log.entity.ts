import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SubscribeMessageLog, SubscribeTemplateKind } from '../../../shared';

/** One attempt to send a subscribe message about an order (shown in the admin order detail). */
@Entity('subscribe_message_logs')
export class SubscribeMessageLogRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_subscribe_message_logs_order')
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'varchar', length: 20 })
  kind: SubscribeTemplateKind;

  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'varchar', length: 10 })
  result: SubscribeMessageLog['result'];

  @Column({ type: 'int', nullable: true })
  errcode: number | null;

  @CreateDateColumn()
  at: Date;
}
