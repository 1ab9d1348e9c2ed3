import { MigrationInterface, QueryRunner } from "typeorm";

export class AddOrderCancelNote1795361485905 implements MigrationInterface {
    name = 'AddOrderCancelNote1795361485905'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`cancelNote\` varchar(100) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`cancelNote\``);
    }

}
