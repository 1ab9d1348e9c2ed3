import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A visitor (a device) opened a share link on a China day: one row per (link, visitor, day), however often they
 * opened it. visitor_touches keeps only the first and the last touch of a visitor; the referral report needs
 * every sharer who brought a visitor, so it counts these.
 */
@Entity('share_visits')
@Index('IDX_share_visits_day_sharer', ['day', 'sharerMemberId'])
export class ShareVisitRow {
  @PrimaryColumn({ type: 'int' })
  shareLinkId: number;

  /** `device:<deviceId>`, as in visitor_touches. */
  @PrimaryColumn({ type: 'varchar', length: 80 })
  visitorKey: string;

  /** China day (YYYY-MM-DD). */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'int' })
  sharerMemberId: number;

  /** The first open of that day. */
  @Column({ type: 'datetime' })
  firstAt: Date;
}
