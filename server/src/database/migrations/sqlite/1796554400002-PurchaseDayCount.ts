import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Purchase stats count China days with a paid order (same-day orders are one purchase). Existing rows get 0,
 * which the purchase-stats sweep recomputes under the new definition.
 */
export class PurchaseDayCount1796554400002 implements MigrationInterface {
    name = 'PurchaseDayCount1796554400002'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_count_interval"`);
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_expected_next"`);
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_first_to_second"`);
        await queryRunner.query(`CREATE TABLE "temporary_member_purchase_stats" ("memberId" integer PRIMARY KEY NOT NULL, "paidOrderCount" integer NOT NULL, "totalNetPaidFen" integer NOT NULL, "firstPaidAt" datetime NOT NULL, "firstToSecondDays" integer, "lastPaidAt" datetime NOT NULL, "expectedIntervalDays" integer NOT NULL, "expectedNextBasis" varchar(12) NOT NULL, "expectedNextDate" varchar(10) NOT NULL, "computedAt" datetime NOT NULL, "purchaseDayCount" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "temporary_member_purchase_stats"("memberId", "paidOrderCount", "totalNetPaidFen", "firstPaidAt", "firstToSecondDays", "lastPaidAt", "expectedIntervalDays", "expectedNextBasis", "expectedNextDate", "computedAt") SELECT "memberId", "paidOrderCount", "totalNetPaidFen", "firstPaidAt", "firstToSecondDays", "lastPaidAt", "expectedIntervalDays", "expectedNextBasis", "expectedNextDate", "computedAt" FROM "member_purchase_stats"`);
        await queryRunner.query(`DROP TABLE "member_purchase_stats"`);
        await queryRunner.query(`ALTER TABLE "temporary_member_purchase_stats" RENAME TO "member_purchase_stats"`);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_expected_next" ON "member_purchase_stats" ("expectedNextDate") `);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_first_to_second" ON "member_purchase_stats" ("firstToSecondDays") `);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_days_interval" ON "member_purchase_stats" ("purchaseDayCount", "expectedIntervalDays") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_days_interval"`);
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_first_to_second"`);
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_expected_next"`);
        await queryRunner.query(`ALTER TABLE "member_purchase_stats" RENAME TO "temporary_member_purchase_stats"`);
        await queryRunner.query(`CREATE TABLE "member_purchase_stats" ("memberId" integer PRIMARY KEY NOT NULL, "paidOrderCount" integer NOT NULL, "totalNetPaidFen" integer NOT NULL, "firstPaidAt" datetime NOT NULL, "firstToSecondDays" integer, "lastPaidAt" datetime NOT NULL, "expectedIntervalDays" integer NOT NULL, "expectedNextBasis" varchar(12) NOT NULL, "expectedNextDate" varchar(10) NOT NULL, "computedAt" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "member_purchase_stats"("memberId", "paidOrderCount", "totalNetPaidFen", "firstPaidAt", "firstToSecondDays", "lastPaidAt", "expectedIntervalDays", "expectedNextBasis", "expectedNextDate", "computedAt") SELECT "memberId", "paidOrderCount", "totalNetPaidFen", "firstPaidAt", "firstToSecondDays", "lastPaidAt", "expectedIntervalDays", "expectedNextBasis", "expectedNextDate", "computedAt" FROM "temporary_member_purchase_stats"`);
        await queryRunner.query(`DROP TABLE "temporary_member_purchase_stats"`);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_first_to_second" ON "member_purchase_stats" ("firstToSecondDays") `);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_expected_next" ON "member_purchase_stats" ("expectedNextDate") `);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_count_interval" ON "member_purchase_stats" ("paidOrderCount", "expectedIntervalDays") `);
    }

}
