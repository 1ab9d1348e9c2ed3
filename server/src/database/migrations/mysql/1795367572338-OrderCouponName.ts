import { MigrationInterface, QueryRunner } from "typeorm";

export class OrderCouponName1795367572338 implements MigrationInterface {
    name = 'OrderCouponName1795367572338'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`couponName\` varchar(40) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`couponName\``);
    }

}
