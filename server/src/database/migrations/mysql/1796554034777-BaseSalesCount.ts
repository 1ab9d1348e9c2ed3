import { MigrationInterface, QueryRunner } from "typeorm";

export class BaseSalesCount1796554034777 implements MigrationInterface {
    name = 'BaseSalesCount1796554034777'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`products\` ADD \`baseSalesCount\` int NOT NULL DEFAULT '0'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`products\` DROP COLUMN \`baseSalesCount\``);
    }

}
