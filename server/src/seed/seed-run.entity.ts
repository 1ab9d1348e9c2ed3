import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One row per seed that ran; its primary key lets only one of several starting instances seed. */
@Entity('seed_runs')
export class SeedRunRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @CreateDateColumn()
  ranAt: Date;
}
