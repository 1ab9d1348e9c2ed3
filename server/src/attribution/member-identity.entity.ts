import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MemberIdentityKind } from '../../../shared';

/**
 * Which member an identifier belongs to: openid, unionid, phone, device id. One owner per (kind, value), the
 * first one written; a later merge of two members moves identities here instead of rewriting every table
 * keyed on memberId. A device id is a weak identifier: it is never moved to a second member automatically.
 */
@Entity('member_identities')
@Index('UQ_member_identities_kind_value', ['kind', 'value'], { unique: true })
@Index('IDX_member_identities_member', ['memberId'])
export class MemberIdentityRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 10 })
  kind: MemberIdentityKind;

  @Column({ type: 'varchar', length: 128 })
  value: string;

  @Column({ type: 'int' })
  memberId: number;

  @CreateDateColumn()
  createdAt: Date;
}
