import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BannerLinkType } from '../../../shared';

/** A home-page banner; a tap opens what its link names (a product, a category or a storefront page). */
@Entity('banners')
export class BannerRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  imageUrl: string;

  @Column({ type: 'varchar', length: 10, default: 'none' })
  linkType: BannerLinkType;

  /** The product or category id as text, or a StorefrontPageKey; null for linkType none. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  linkTarget: string | null;

  /** Shoppers see enabled banners only. */
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @CreateDateColumn()
  createdAt: Date;
}
