import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentRecord } from '../../../shared';

/**
 * A payment as WeChat Pay reported it. The unique transaction id makes a repeated notification (or a
 * notification racing the reconciliation query) insert nothing the second time.
 */
@Entity('payments')
export class PaymentRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_payments_order')
  @Column({ type: 'int' })
  orderId: number;

  @Index('UQ_payments_transaction_id', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  transactionId: string;

  @Column({ type: 'int' })
  amountFen: number;

  @Column({ type: 'varchar', length: 64 })
  payerOpenid: string;

  @Column({ type: 'datetime' })
  successAt: Date;

  @Column({ type: 'varchar', length: 20 })
  outcome: PaymentRecord['outcome'];

  /** When the server recorded the payment: the console's new-order notice reads payments after a moment by it. */
  @Index('IDX_payments_created_at')
  @CreateDateColumn()
  createdAt: Date;
}
