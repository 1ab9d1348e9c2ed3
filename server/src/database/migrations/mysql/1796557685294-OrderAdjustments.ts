import { MigrationInterface, QueryRunner } from "typeorm";

/** Orders keep their pricing adjustments as labelled rows; older orders keep NULL and have them derived from their breakdown when read. */
export class OrderAdjustments1796557685294 implements MigrationInterface {
    name = 'OrderAdjustments1796557685294'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`adjustments\` text NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`adjustments\``);
    }

}
