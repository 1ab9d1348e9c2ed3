import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ShareLinkKind } from '../../../shared';

/**
 * A member's share of a product, page, group-buy team or live session on a channel. Its id, as a short id
 * (shared/scene.ts), is what share paths (`?s=`) and mini-program codes (`scene`) carry. One row per
 * (sharer, target, channel): sharing the same thing again answers the same link.
 */
@Entity('share_links')
@Index('UQ_share_links_sharer_target_channel', ['sharerMemberId', 'targetKey', 'channel'], { unique: true })
export class ShareLinkRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  sharerMemberId: number;

  @Column({ type: 'varchar', length: 10 })
  kind: ShareLinkKind;

  @Column({ type: 'int', nullable: true })
  targetId: number | null;

  @Column({ type: 'int', nullable: true })
  liveSessionId: number | null;

  /** `kind:targetId:liveSessionId`: what the link opens, as one column of the unique key. */
  @Column({ type: 'varchar', length: 40 })
  targetKey: string;

  /** '' for no channel (an empty string, not NULL, so the unique key holds). */
  @Column({ type: 'varchar', length: 32, default: '' })
  channel: string;

  @CreateDateColumn()
  createdAt: Date;
}
