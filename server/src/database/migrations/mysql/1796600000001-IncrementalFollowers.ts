import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Followers of order.paid that add to stored totals instead of re-reading the member's history: the level
 * window's net paid beside its review time (null: recompute), and the newest paid order a member's purchase
 * stats count (null: the next order.paid recomputes the row).
 */
export class IncrementalFollowers1796600000001 implements MigrationInterface {
    name = 'IncrementalFollowers1796600000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`member_purchase_stats\` ADD \`lastPaidOrderId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`member_level_reviews\` ADD \`windowNetPaidFen\` int NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`member_level_reviews\` DROP COLUMN \`windowNetPaidFen\``);
        await queryRunner.query(`ALTER TABLE \`member_purchase_stats\` DROP COLUMN \`lastPaidOrderId\``);
    }

}
