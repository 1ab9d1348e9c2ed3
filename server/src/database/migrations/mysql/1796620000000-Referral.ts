import { MigrationInterface, QueryRunner } from "typeorm";

export class Referral1796620000000 implements MigrationInterface {
    name = 'Referral1796620000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`referral_commission_reversals\` (\`id\` int NOT NULL AUTO_INCREMENT, \`commissionId\` int NOT NULL, \`refundId\` int NOT NULL, \`quantity\` int NOT NULL, \`amountFen\` int NOT NULL, \`afterSettlement\` tinyint NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_referral_commission_reversals\` (\`commissionId\`, \`refundId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`referral_commissions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`orderNo\` varchar(24) NOT NULL, \`orderLineId\` int NOT NULL, \`skuId\` int NOT NULL, \`productId\` int NOT NULL, \`productTitle\` varchar(60) NOT NULL, \`buyerMemberId\` int NOT NULL, \`promoterMemberId\` int NOT NULL, \`level\` int NOT NULL, \`quantity\` int NOT NULL, \`baseFen\` int NOT NULL, \`rateBp\` int NOT NULL, \`originalFen\` int NOT NULL, \`reversedQuantity\` int NOT NULL DEFAULT '0', \`reversedFen\` int NOT NULL DEFAULT '0', \`status\` varchar(10) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`settledAt\` datetime NULL, INDEX \`IDX_referral_commissions_order\` (\`orderId\`), INDEX \`IDX_referral_commissions_status_order\` (\`status\`, \`orderId\`), INDEX \`IDX_referral_commissions_promoter\` (\`promoterMemberId\`, \`id\`), UNIQUE INDEX \`UQ_referral_commissions_line_level\` (\`orderLineId\`, \`level\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`referral_current_referrers\` (\`memberId\` int NOT NULL, \`referrerMemberId\` int NOT NULL, \`boundAt\` datetime NOT NULL, \`expiresAt\` datetime NULL, \`bindingId\` int NOT NULL, INDEX \`IDX_referral_current_referrers_referrer\` (\`referrerMemberId\`, \`boundAt\`), PRIMARY KEY (\`memberId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`referral_ledger\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`kind\` varchar(20) NOT NULL, \`entryKey\` varchar(64) NOT NULL, \`balanceDeltaFen\` int NOT NULL, \`debtDeltaFen\` int NOT NULL, \`balanceAfterFen\` int NOT NULL, \`debtAfterFen\` int NOT NULL, \`commissionId\` int NULL, \`refundId\` int NULL, \`note\` varchar(100) NOT NULL DEFAULT '', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_referral_ledger_entry_key\` (\`entryKey\`), INDEX \`IDX_referral_ledger_member\` (\`memberId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`referral_order_referrers\` (\`orderId\` int NOT NULL, \`buyerMemberId\` int NOT NULL, \`level1MemberId\` int NULL, \`level2MemberId\` int NULL, \`selfPurchase\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_referral_order_referrers_level2\` (\`level2MemberId\`), INDEX \`IDX_referral_order_referrers_level1\` (\`level1MemberId\`), PRIMARY KEY (\`orderId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`referral_product_rates\` (\`productId\` int NOT NULL, \`level1RateBp\` int NOT NULL, \`level2RateBp\` int NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`productId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`referral_accounts\` (\`memberId\` int NOT NULL, \`balanceFen\` int NOT NULL DEFAULT '0', \`debtFen\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`memberId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`referral_promoters\` (\`memberId\` int NOT NULL, \`status\` varchar(10) NOT NULL, \`source\` varchar(8) NOT NULL, \`applyNote\` varchar(200) NOT NULL DEFAULT '', \`appliedAt\` datetime NOT NULL, \`decidedAt\` datetime NULL, \`decidedByStaffId\` int NULL, \`rejectReason\` varchar(200) NULL, \`freezeReason\` varchar(200) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_referral_promoters_status\` (\`status\`, \`appliedAt\`), PRIMARY KEY (\`memberId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`referral_bindings\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`referrerMemberId\` int NOT NULL, \`previousReferrerMemberId\` int NULL, \`outcome\` varchar(10) NOT NULL, \`reason\` varchar(24) NOT NULL, \`shareLinkId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_referral_bindings_member\` (\`memberId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`referral_settings\` (\`id\` int NOT NULL, \`enabled\` tinyint NOT NULL DEFAULT 0, \`programMode\` varchar(12) NOT NULL DEFAULT 'everyone', \`everyoneMinSpendFen\` int NULL, \`bindingMode\` varchar(12) NOT NULL DEFAULT 'first_touch', \`bindingValidDays\` int NOT NULL DEFAULT '30', \`bindScope\` varchar(12) NOT NULL DEFAULT 'everyone', \`level1RateBp\` int NOT NULL DEFAULT '0', \`level2RateBp\` int NULL, \`selfPurchaseCommission\` tinyint NOT NULL DEFAULT 0, \`afterSaleWindowDays\` int NOT NULL DEFAULT '7', \`withdrawalMinFen\` int NOT NULL DEFAULT '100', \`withdrawalDailyLimitFen\` int NOT NULL DEFAULT '500000', \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`referral_settings\``);
        await queryRunner.query(`DROP INDEX \`IDX_referral_bindings_member\` ON \`referral_bindings\``);
        await queryRunner.query(`DROP TABLE \`referral_bindings\``);
        await queryRunner.query(`DROP INDEX \`IDX_referral_promoters_status\` ON \`referral_promoters\``);
        await queryRunner.query(`DROP TABLE \`referral_promoters\``);
        await queryRunner.query(`DROP TABLE \`referral_accounts\``);
        await queryRunner.query(`DROP TABLE \`referral_product_rates\``);
        await queryRunner.query(`DROP INDEX \`IDX_referral_order_referrers_level1\` ON \`referral_order_referrers\``);
        await queryRunner.query(`DROP INDEX \`IDX_referral_order_referrers_level2\` ON \`referral_order_referrers\``);
        await queryRunner.query(`DROP TABLE \`referral_order_referrers\``);
        await queryRunner.query(`DROP INDEX \`IDX_referral_ledger_member\` ON \`referral_ledger\``);
        await queryRunner.query(`DROP INDEX \`UQ_referral_ledger_entry_key\` ON \`referral_ledger\``);
        await queryRunner.query(`DROP TABLE \`referral_ledger\``);
        await queryRunner.query(`DROP INDEX \`IDX_referral_current_referrers_referrer\` ON \`referral_current_referrers\``);
        await queryRunner.query(`DROP TABLE \`referral_current_referrers\``);
        await queryRunner.query(`DROP INDEX \`UQ_referral_commissions_line_level\` ON \`referral_commissions\``);
        await queryRunner.query(`DROP INDEX \`IDX_referral_commissions_promoter\` ON \`referral_commissions\``);
        await queryRunner.query(`DROP INDEX \`IDX_referral_commissions_status_order\` ON \`referral_commissions\``);
        await queryRunner.query(`DROP INDEX \`IDX_referral_commissions_order\` ON \`referral_commissions\``);
        await queryRunner.query(`DROP TABLE \`referral_commissions\``);
        await queryRunner.query(`DROP INDEX \`UQ_referral_commission_reversals\` ON \`referral_commission_reversals\``);
        await queryRunner.query(`DROP TABLE \`referral_commission_reversals\``);
    }

}
