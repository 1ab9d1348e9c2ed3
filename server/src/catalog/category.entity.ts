import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A category: top-level (parentId null) or a child of a top-level one. Two levels at most. */
@Entity('categories')
export class CategoryRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_categories_parent')
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @Column({ type: 'varchar', length: 20 })
  name: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  icon: string | null;

  /** Ascending: smaller numbers first. */
  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
