import { MigrationInterface, QueryRunner } from "typeorm";

/** A hand adjustment of points records the staff member who made it. */
export class PointsLedgerStaff1796554400001 implements MigrationInterface {
    name = 'PointsLedgerStaff1796554400001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`points_ledger\` ADD \`staffId\` int NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`points_ledger\` DROP COLUMN \`staffId\``);
    }

}
