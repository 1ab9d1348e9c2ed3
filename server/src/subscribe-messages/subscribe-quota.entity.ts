import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** How many one-time subscribe messages of a template a member still allows (WeChat keeps no readable count). */
@Entity('subscribe_quotas')
@Index('UQ_subscribe_quotas_member_template', ['memberId', 'templateId'], { unique: true })
export class SubscribeQuotaRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'int', default: 0 })
  remaining: number;
}
