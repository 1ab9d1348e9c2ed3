import { MigrationInterface, QueryRunner } from "typeorm";

export class Referral1796620000000 implements MigrationInterface {
    name = 'Referral1796620000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "referral_commission_reversals" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "commissionId" integer NOT NULL, "refundId" integer NOT NULL, "quantity" integer NOT NULL, "amountFen" integer NOT NULL, "afterSettlement" boolean NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_referral_commission_reversals" ON "referral_commission_reversals" ("commissionId", "refundId") `);
        await queryRunner.query(`CREATE TABLE "referral_commissions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "orderNo" varchar(24) NOT NULL, "orderLineId" integer NOT NULL, "skuId" integer NOT NULL, "productId" integer NOT NULL, "productTitle" varchar(60) NOT NULL, "buyerMemberId" integer NOT NULL, "promoterMemberId" integer NOT NULL, "level" integer NOT NULL, "quantity" integer NOT NULL, "baseFen" integer NOT NULL, "rateBp" integer NOT NULL, "originalFen" integer NOT NULL, "reversedQuantity" integer NOT NULL DEFAULT (0), "reversedFen" integer NOT NULL DEFAULT (0), "status" varchar(10) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "settledAt" datetime)`);
        await queryRunner.query(`CREATE INDEX "IDX_referral_commissions_order" ON "referral_commissions" ("orderId") `);
        await queryRunner.query(`CREATE INDEX "IDX_referral_commissions_status_order" ON "referral_commissions" ("status", "orderId") `);
        await queryRunner.query(`CREATE INDEX "IDX_referral_commissions_promoter" ON "referral_commissions" ("promoterMemberId", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_referral_commissions_line_level" ON "referral_commissions" ("orderLineId", "level") `);
        await queryRunner.query(`CREATE TABLE "referral_current_referrers" ("memberId" integer PRIMARY KEY NOT NULL, "referrerMemberId" integer NOT NULL, "boundAt" datetime NOT NULL, "expiresAt" datetime, "bindingId" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_referral_current_referrers_referrer" ON "referral_current_referrers" ("referrerMemberId", "boundAt") `);
        await queryRunner.query(`CREATE TABLE "referral_ledger" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "memberId" integer NOT NULL, "kind" varchar(20) NOT NULL, "entryKey" varchar(64) NOT NULL, "balanceDeltaFen" integer NOT NULL, "debtDeltaFen" integer NOT NULL, "balanceAfterFen" integer NOT NULL, "debtAfterFen" integer NOT NULL, "commissionId" integer, "refundId" integer, "note" varchar(100) NOT NULL DEFAULT (''), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_referral_ledger_entry_key" ON "referral_ledger" ("entryKey") `);
        await queryRunner.query(`CREATE INDEX "IDX_referral_ledger_member" ON "referral_ledger" ("memberId", "id") `);
        await queryRunner.query(`CREATE TABLE "referral_order_referrers" ("orderId" integer PRIMARY KEY NOT NULL, "buyerMemberId" integer NOT NULL, "level1MemberId" integer, "level2MemberId" integer, "selfPurchase" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_referral_order_referrers_level2" ON "referral_order_referrers" ("level2MemberId") `);
        await queryRunner.query(`CREATE INDEX "IDX_referral_order_referrers_level1" ON "referral_order_referrers" ("level1MemberId") `);
        await queryRunner.query(`CREATE TABLE "referral_product_rates" ("productId" integer PRIMARY KEY NOT NULL, "level1RateBp" integer NOT NULL, "level2RateBp" integer, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE TABLE "referral_accounts" ("memberId" integer PRIMARY KEY NOT NULL, "balanceFen" integer NOT NULL DEFAULT (0), "debtFen" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`CREATE TABLE "referral_promoters" ("memberId" integer PRIMARY KEY NOT NULL, "status" varchar(10) NOT NULL, "source" varchar(8) NOT NULL, "applyNote" varchar(200) NOT NULL DEFAULT (''), "appliedAt" datetime NOT NULL, "decidedAt" datetime, "decidedByStaffId" integer, "rejectReason" varchar(200), "freezeReason" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_referral_promoters_status" ON "referral_promoters" ("status", "appliedAt") `);
        await queryRunner.query(`CREATE TABLE "referral_bindings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "memberId" integer NOT NULL, "referrerMemberId" integer NOT NULL, "previousReferrerMemberId" integer, "outcome" varchar(10) NOT NULL, "reason" varchar(24) NOT NULL, "shareLinkId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_referral_bindings_member" ON "referral_bindings" ("memberId", "id") `);
        await queryRunner.query(`CREATE TABLE "referral_settings" ("id" integer PRIMARY KEY NOT NULL, "enabled" boolean NOT NULL DEFAULT (0), "programMode" varchar(12) NOT NULL DEFAULT ('everyone'), "everyoneMinSpendFen" integer, "bindingMode" varchar(12) NOT NULL DEFAULT ('first_touch'), "bindingValidDays" integer NOT NULL DEFAULT (30), "bindScope" varchar(12) NOT NULL DEFAULT ('everyone'), "level1RateBp" integer NOT NULL DEFAULT (0), "level2RateBp" integer, "selfPurchaseCommission" boolean NOT NULL DEFAULT (0), "afterSaleWindowDays" integer NOT NULL DEFAULT (7), "withdrawalMinFen" integer NOT NULL DEFAULT (100), "withdrawalDailyLimitFen" integer NOT NULL DEFAULT (500000), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "referral_settings"`);
        await queryRunner.query(`DROP INDEX "IDX_referral_bindings_member"`);
        await queryRunner.query(`DROP TABLE "referral_bindings"`);
        await queryRunner.query(`DROP INDEX "IDX_referral_promoters_status"`);
        await queryRunner.query(`DROP TABLE "referral_promoters"`);
        await queryRunner.query(`DROP TABLE "referral_accounts"`);
        await queryRunner.query(`DROP TABLE "referral_product_rates"`);
        await queryRunner.query(`DROP INDEX "IDX_referral_order_referrers_level1"`);
        await queryRunner.query(`DROP INDEX "IDX_referral_order_referrers_level2"`);
        await queryRunner.query(`DROP TABLE "referral_order_referrers"`);
        await queryRunner.query(`DROP INDEX "IDX_referral_ledger_member"`);
        await queryRunner.query(`DROP INDEX "UQ_referral_ledger_entry_key"`);
        await queryRunner.query(`DROP TABLE "referral_ledger"`);
        await queryRunner.query(`DROP INDEX "IDX_referral_current_referrers_referrer"`);
        await queryRunner.query(`DROP TABLE "referral_current_referrers"`);
        await queryRunner.query(`DROP INDEX "UQ_referral_commissions_line_level"`);
        await queryRunner.query(`DROP INDEX "IDX_referral_commissions_promoter"`);
        await queryRunner.query(`DROP INDEX "IDX_referral_commissions_status_order"`);
        await queryRunner.query(`DROP INDEX "IDX_referral_commissions_order"`);
        await queryRunner.query(`DROP TABLE "referral_commissions"`);
        await queryRunner.query(`DROP INDEX "UQ_referral_commission_reversals"`);
        await queryRunner.query(`DROP TABLE "referral_commission_reversals"`);
    }

}
