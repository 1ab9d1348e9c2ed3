import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per tag of cached answers that staff edits change (platform/cache/cache-changes.ts): an edit adds 1 in
 * its transaction, and every instance polls these rows to drop the tag's answers.
 */
@Entity('cache_versions')
export class CacheVersionRow {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'int', default: 0 })
  version: number;
}
