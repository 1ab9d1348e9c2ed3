import { MigrationInterface, QueryRunner } from "typeorm";

/** Orders keep their pricing adjustments as labelled rows; older orders keep NULL and have them derived from their breakdown when read. */
export class OrderAdjustments1796557685293 implements MigrationInterface {
    name = 'OrderAdjustments1796557685293'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "orders" ADD COLUMN "adjustments" text`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "adjustments"`);
    }

}
