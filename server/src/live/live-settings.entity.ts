import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The live settings (shared/api/live.ts LiveSettings): one row (id 1), written on the first save; until then DEFAULT_LIVE_SETTINGS. */
@Entity('live_settings')
export class LiveSettingsRow {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  attributionWindowHours: number;

  @Column({ type: 'int' })
  reminderLeadMinutes: number;

  @UpdateDateColumn()
  updatedAt: Date;
}
