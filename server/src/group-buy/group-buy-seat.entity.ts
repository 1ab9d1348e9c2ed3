import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { GroupBuySeatStatus } from '../../../shared';

/**
 * One member's seat in a team, written with the order that takes it. `activeMemberId` is the member while the
 * seat is reserved or paid and null once it is released, quit or lost: the unique (team, activeMemberId) key is
 * what stops a member holding two seats of one team, even from parallel requests, while letting them come back
 * after an unpaid order was cancelled.
 */
@Entity('group_buy_seats')
@Index('UQ_group_buy_seats_team_active_member', ['teamId', 'activeMemberId'], { unique: true })
@Index('IDX_group_buy_seats_team', ['teamId', 'status'])
@Index('IDX_group_buy_seats_member', ['memberId', 'id'])
export class GroupBuySeatRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  teamId: number;

  @Column({ type: 'int' })
  campaignId: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'int', nullable: true })
  activeMemberId: number | null;

  @Index('UQ_group_buy_seats_order', { unique: true })
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'boolean', default: false })
  isLeader: boolean;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'varchar', length: 10 })
  status: GroupBuySeatStatus;

  /** Who shared the team link this member came by (the order's sharer), if anyone. */
  @Column({ type: 'int', nullable: true })
  inviterMemberId: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  paidAt: Date | null;

  /** When it was released, quit or lost. */
  @Column({ type: 'datetime', nullable: true })
  endedAt: Date | null;
}
