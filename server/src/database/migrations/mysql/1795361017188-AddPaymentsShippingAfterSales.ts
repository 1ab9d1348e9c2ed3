import { MigrationInterface, QueryRunner } from "typeorm";

export class AddPaymentsShippingAfterSales1795361017188 implements MigrationInterface {
    name = 'AddPaymentsShippingAfterSales1795361017188'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`after_sales\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`memberId\` int NOT NULL, \`type\` varchar(16) NOT NULL, \`status\` varchar(12) NOT NULL, \`reason\` varchar(50) NOT NULL, \`description\` varchar(500) NOT NULL DEFAULT '', \`images\` text NOT NULL, \`refundFen\` int NOT NULL, \`rejectReason\` varchar(100) NULL, \`orderStatusBefore\` varchar(20) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`handledAt\` datetime NULL, \`refundStartedAt\` datetime NULL, \`refundedAt\` datetime NULL, INDEX \`IDX_after_sales_order\` (\`orderId\`), INDEX \`IDX_after_sales_status\` (\`status\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`payments\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`transactionId\` varchar(32) NOT NULL, \`amountFen\` int NOT NULL, \`payerOpenid\` varchar(64) NOT NULL, \`successAt\` datetime NOT NULL, \`outcome\` varchar(20) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_payments_order\` (\`orderId\`), UNIQUE INDEX \`UQ_payments_transaction_id\` (\`transactionId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`refunds\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`afterSaleId\` int NULL, \`outRefundNo\` varchar(64) NOT NULL, \`amountFen\` int NOT NULL, \`paymentTotalFen\` int NOT NULL, \`reason\` varchar(80) NOT NULL, \`status\` varchar(12) NOT NULL, \`acceptedAt\` datetime NULL, \`wechatRefundId\` varchar(64) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`succeededAt\` datetime NULL, INDEX \`IDX_refunds_order\` (\`orderId\`), UNIQUE INDEX \`UQ_refunds_out_refund_no\` (\`outRefundNo\`), INDEX \`IDX_refunds_status_accepted\` (\`status\`, \`acceptedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`subscribe_message_logs\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`kind\` varchar(20) NOT NULL, \`templateId\` varchar(64) NOT NULL, \`result\` varchar(10) NOT NULL, \`errcode\` int NULL, \`at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_subscribe_message_logs_order\` (\`orderId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`subscribe_quotas\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`templateId\` varchar(64) NOT NULL, \`remaining\` int NOT NULL DEFAULT '0', UNIQUE INDEX \`UQ_subscribe_quotas_member_template\` (\`memberId\`, \`templateId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`refundedAt\` datetime NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`prepayId\` varchar(64) NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`prepayExpiresAt\` datetime NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`paymentAttemptAt\` datetime NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`carrierCode\` varchar(10) NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`trackingNo\` varchar(32) NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`autoConfirmAt\` datetime NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`shippingReportStatus\` varchar(10) NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`shippingReportMessage\` varchar(200) NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`shippingReportAt\` datetime NULL`);
        await queryRunner.query(`CREATE INDEX \`IDX_orders_status_auto_confirm\` ON \`orders\` (\`status\`, \`autoConfirmAt\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_orders_status_payment_attempt\` ON \`orders\` (\`status\`, \`paymentAttemptAt\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_orders_status_payment_attempt\` ON \`orders\``);
        await queryRunner.query(`DROP INDEX \`IDX_orders_status_auto_confirm\` ON \`orders\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`shippingReportAt\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`shippingReportMessage\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`shippingReportStatus\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`autoConfirmAt\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`trackingNo\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`carrierCode\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`paymentAttemptAt\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`prepayExpiresAt\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`prepayId\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`refundedAt\``);
        await queryRunner.query(`DROP INDEX \`UQ_subscribe_quotas_member_template\` ON \`subscribe_quotas\``);
        await queryRunner.query(`DROP TABLE \`subscribe_quotas\``);
        await queryRunner.query(`DROP INDEX \`IDX_subscribe_message_logs_order\` ON \`subscribe_message_logs\``);
        await queryRunner.query(`DROP TABLE \`subscribe_message_logs\``);
        await queryRunner.query(`DROP INDEX \`IDX_refunds_status_accepted\` ON \`refunds\``);
        await queryRunner.query(`DROP INDEX \`UQ_refunds_out_refund_no\` ON \`refunds\``);
        await queryRunner.query(`DROP INDEX \`IDX_refunds_order\` ON \`refunds\``);
        await queryRunner.query(`DROP TABLE \`refunds\``);
        await queryRunner.query(`DROP INDEX \`UQ_payments_transaction_id\` ON \`payments\``);
        await queryRunner.query(`DROP INDEX \`IDX_payments_order\` ON \`payments\``);
        await queryRunner.query(`DROP TABLE \`payments\``);
        await queryRunner.query(`DROP INDEX \`IDX_after_sales_status\` ON \`after_sales\``);
        await queryRunner.query(`DROP INDEX \`IDX_after_sales_order\` ON \`after_sales\``);
        await queryRunner.query(`DROP TABLE \`after_sales\``);
    }

}
