import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { GroupBuyTeamStatus } from '../../../shared';

/**
 * A team, and its seat counter. Every change is a conditional update on this row:
 * take a seat `seatsTaken + 1 WHERE status IN ('opening','forming') AND seatsTaken < teamSize AND …`; give it back
 * `seatsTaken - 1 … AND seatsTaken > 0`; count a payment `seatsPaid + 1 WHERE status = 'forming'`; and the one
 * caller that moves `forming → succeeded` (seatsPaid = teamSize) releases all the team's orders.
 * `virtualSeats` are filled at expiry by 模拟成团 and never counted as members.
 */
@Entity('group_buy_teams')
@Index('IDX_group_buy_teams_campaign_status', ['campaignId', 'status', 'expiresAt'])
@Index('IDX_group_buy_teams_status_expiry', ['status', 'expiresAt'])
export class GroupBuyTeamRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  campaignId: number;

  @Column({ type: 'int' })
  productId: number;

  @Column({ type: 'int' })
  leaderMemberId: number;

  @Column({ type: 'int' })
  teamSize: number;

  @Column({ type: 'int', default: 0 })
  seatsTaken: number;

  @Column({ type: 'int', default: 0 })
  seatsPaid: number;

  @Column({ type: 'int', default: 0 })
  virtualSeats: number;

  @Column({ type: 'varchar', length: 12 })
  status: GroupBuyTeamStatus;

  /** Set when the leader pays (then + validityHours); null while opening. */
  @Column({ type: 'datetime', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  succeededAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  failedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
