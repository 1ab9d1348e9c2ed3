import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A member's use of one campaign (teams opened or joined, units), against its per-member limits: created by an
 * upsert, then raised only by `… + n <= limit` conditional updates in the order's transaction and lowered when a
 * seat goes back, so parallel orders of one member can never pass the limit together.
 */
@Entity('group_buy_member_usage')
export class GroupBuyMemberUsageRow {
  @PrimaryColumn({ type: 'int' })
  campaignId: number;

  @PrimaryColumn({ type: 'int' })
  memberId: number;

  @Column({ type: 'int', default: 0 })
  teams: number;

  @Column({ type: 'int', default: 0 })
  units: number;
}
