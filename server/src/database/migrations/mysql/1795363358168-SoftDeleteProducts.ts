import { MigrationInterface, QueryRunner } from "typeorm";

export class SoftDeleteProducts1795363358168 implements MigrationInterface {
    name = 'SoftDeleteProducts1795363358168'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`products\` ADD \`deletedAt\` datetime(6) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`products\` DROP COLUMN \`deletedAt\``);
    }

}
