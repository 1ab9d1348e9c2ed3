import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Partial and system refunds. Refunds get their kind (existing rows: after_sale when they belong to a case, else
 * late_payment, the only other refund there was), the staff member who started them, the units they give back and
 * whether they close the order (every after-sale refund so far refunded its whole order). Orders keep what was
 * refunded (processing or succeeded after-sale refunds), order lines the units refunded (all of them for those orders),
 * after-sale cases the units they are about (null: the whole order), and points rows the refund they belong to.
 */
export class PartialRefunds1796600100000 implements MigrationInterface {
    name = 'PartialRefunds1796600100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`refunds\` ADD \`kind\` varchar(16) NOT NULL DEFAULT 'after_sale'`);
        await queryRunner.query(`ALTER TABLE \`refunds\` ADD \`staffId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`refunds\` ADD \`lines\` text NULL`);
        await queryRunner.query(`ALTER TABLE \`refunds\` ADD \`pointsReturned\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`refunds\` ADD \`couponFen\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`refunds\` ADD \`closesOrder\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`UPDATE \`refunds\` SET \`kind\` = 'late_payment' WHERE \`afterSaleId\` IS NULL`);
        await queryRunner.query(`UPDATE \`refunds\` SET \`closesOrder\` = 1 WHERE \`afterSaleId\` IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`refundedFen\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`UPDATE \`orders\` SET \`refundedFen\` = \`payableFen\` WHERE \`id\` IN (SELECT \`orderId\` FROM \`refunds\` WHERE \`kind\` = 'after_sale' AND \`status\` <> 'failed')`);
        await queryRunner.query(`ALTER TABLE \`order_lines\` ADD \`refundedQuantity\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`UPDATE \`order_lines\` SET \`refundedQuantity\` = \`quantity\` WHERE \`orderId\` IN (SELECT \`orderId\` FROM \`refunds\` WHERE \`kind\` = 'after_sale' AND \`status\` <> 'failed')`);
        await queryRunner.query(`ALTER TABLE \`after_sales\` ADD \`lines\` text NULL`);
        await queryRunner.query(`ALTER TABLE \`points_ledger\` ADD \`refundId\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`DROP INDEX \`UQ_points_ledger_order_reason\` ON \`points_ledger\``);
        await queryRunner.query(`CREATE UNIQUE INDEX \`UQ_points_ledger_order_reason_refund\` ON \`points_ledger\` (\`orderId\`, \`reason\`, \`refundId\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`UQ_points_ledger_order_reason_refund\` ON \`points_ledger\``);
        await queryRunner.query(`CREATE UNIQUE INDEX \`UQ_points_ledger_order_reason\` ON \`points_ledger\` (\`orderId\`, \`reason\`)`);
        await queryRunner.query(`ALTER TABLE \`points_ledger\` DROP COLUMN \`refundId\``);
        await queryRunner.query(`ALTER TABLE \`after_sales\` DROP COLUMN \`lines\``);
        await queryRunner.query(`ALTER TABLE \`order_lines\` DROP COLUMN \`refundedQuantity\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`refundedFen\``);
        for (const column of ['closesOrder', 'couponFen', 'pointsReturned', 'lines', 'staffId', 'kind']) {
            await queryRunner.query(`ALTER TABLE \`refunds\` DROP COLUMN \`${column}\``);
        }
    }

}
