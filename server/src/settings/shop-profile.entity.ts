import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The shop as shoppers see it (name, logo, service, announcement) and its return address: one row (id 1). */
@Entity('shop_profile')
export class ShopProfileRow {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 20 })
  shopName: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  logoUrl: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  servicePhone: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  serviceHours: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  announcement: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  returnRecipientName: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  returnPhone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  returnAddress: string | null;

  @UpdateDateColumn()
  updatedAt: Date;
}
