import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Purchase stats count China days with a paid order (same-day orders are one purchase). Existing rows get 0,
 * which the purchase-stats sweep recomputes under the new definition.
 */
export class PurchaseDayCount1796554400002 implements MigrationInterface {
    name = 'PurchaseDayCount1796554400002'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_member_purchase_stats_count_interval\` ON \`member_purchase_stats\``);
        await queryRunner.query(`ALTER TABLE \`member_purchase_stats\` ADD \`purchaseDayCount\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`CREATE INDEX \`IDX_member_purchase_stats_days_interval\` ON \`member_purchase_stats\` (\`purchaseDayCount\`, \`expectedIntervalDays\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_member_purchase_stats_days_interval\` ON \`member_purchase_stats\``);
        await queryRunner.query(`ALTER TABLE \`member_purchase_stats\` DROP COLUMN \`purchaseDayCount\``);
        await queryRunner.query(`CREATE INDEX \`IDX_member_purchase_stats_count_interval\` ON \`member_purchase_stats\` (\`paidOrderCount\`, \`expectedIntervalDays\`)`);
    }

}
