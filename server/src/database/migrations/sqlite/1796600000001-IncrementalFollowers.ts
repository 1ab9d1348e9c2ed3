import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Followers of order.paid that add to stored totals instead of re-reading the member's history: the level
 * window's net paid beside its review time (null: recompute), and the newest paid order a member's purchase
 * stats count (null: the next order.paid recomputes the row).
 */
export class IncrementalFollowers1796600000001 implements MigrationInterface {
    name = 'IncrementalFollowers1796600000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_days_interval"`);
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_first_to_second"`);
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_expected_next"`);
        await queryRunner.query(`CREATE TABLE "temporary_member_purchase_stats" ("memberId" integer PRIMARY KEY NOT NULL, "paidOrderCount" integer NOT NULL, "totalNetPaidFen" integer NOT NULL, "firstPaidAt" datetime NOT NULL, "firstToSecondDays" integer, "lastPaidAt" datetime NOT NULL, "expectedIntervalDays" integer NOT NULL, "expectedNextBasis" varchar(12) NOT NULL, "expectedNextDate" varchar(10) NOT NULL, "computedAt" datetime NOT NULL, "purchaseDayCount" integer NOT NULL DEFAULT (0), "lastPaidOrderId" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_member_purchase_stats"("memberId", "paidOrderCount", "totalNetPaidFen", "firstPaidAt", "firstToSecondDays", "lastPaidAt", "expectedIntervalDays", "expectedNextBasis", "expectedNextDate", "computedAt", "purchaseDayCount") SELECT "memberId", "paidOrderCount", "totalNetPaidFen", "firstPaidAt", "firstToSecondDays", "lastPaidAt", "expectedIntervalDays", "expectedNextBasis", "expectedNextDate", "computedAt", "purchaseDayCount" FROM "member_purchase_stats"`);
        await queryRunner.query(`DROP TABLE "member_purchase_stats"`);
        await queryRunner.query(`ALTER TABLE "temporary_member_purchase_stats" RENAME TO "member_purchase_stats"`);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_days_interval" ON "member_purchase_stats" ("purchaseDayCount", "expectedIntervalDays") `);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_first_to_second" ON "member_purchase_stats" ("firstToSecondDays") `);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_expected_next" ON "member_purchase_stats" ("expectedNextDate") `);
        await queryRunner.query(`DROP INDEX "IDX_member_level_reviews_due"`);
        await queryRunner.query(`CREATE TABLE "temporary_member_level_reviews" ("memberId" integer PRIMARY KEY NOT NULL, "reviewAt" datetime, "windowNetPaidFen" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_member_level_reviews"("memberId", "reviewAt") SELECT "memberId", "reviewAt" FROM "member_level_reviews"`);
        await queryRunner.query(`DROP TABLE "member_level_reviews"`);
        await queryRunner.query(`ALTER TABLE "temporary_member_level_reviews" RENAME TO "member_level_reviews"`);
        await queryRunner.query(`CREATE INDEX "IDX_member_level_reviews_due" ON "member_level_reviews" ("reviewAt") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_member_level_reviews_due"`);
        await queryRunner.query(`ALTER TABLE "member_level_reviews" RENAME TO "temporary_member_level_reviews"`);
        await queryRunner.query(`CREATE TABLE "member_level_reviews" ("memberId" integer PRIMARY KEY NOT NULL, "reviewAt" datetime)`);
        await queryRunner.query(`INSERT INTO "member_level_reviews"("memberId", "reviewAt") SELECT "memberId", "reviewAt" FROM "temporary_member_level_reviews"`);
        await queryRunner.query(`DROP TABLE "temporary_member_level_reviews"`);
        await queryRunner.query(`CREATE INDEX "IDX_member_level_reviews_due" ON "member_level_reviews" ("reviewAt") `);
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_expected_next"`);
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_first_to_second"`);
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_days_interval"`);
        await queryRunner.query(`ALTER TABLE "member_purchase_stats" RENAME TO "temporary_member_purchase_stats"`);
        await queryRunner.query(`CREATE TABLE "member_purchase_stats" ("memberId" integer PRIMARY KEY NOT NULL, "paidOrderCount" integer NOT NULL, "totalNetPaidFen" integer NOT NULL, "firstPaidAt" datetime NOT NULL, "firstToSecondDays" integer, "lastPaidAt" datetime NOT NULL, "expectedIntervalDays" integer NOT NULL, "expectedNextBasis" varchar(12) NOT NULL, "expectedNextDate" varchar(10) NOT NULL, "computedAt" datetime NOT NULL, "purchaseDayCount" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "member_purchase_stats"("memberId", "paidOrderCount", "totalNetPaidFen", "firstPaidAt", "firstToSecondDays", "lastPaidAt", "expectedIntervalDays", "expectedNextBasis", "expectedNextDate", "computedAt", "purchaseDayCount") SELECT "memberId", "paidOrderCount", "totalNetPaidFen", "firstPaidAt", "firstToSecondDays", "lastPaidAt", "expectedIntervalDays", "expectedNextBasis", "expectedNextDate", "computedAt", "purchaseDayCount" FROM "temporary_member_purchase_stats"`);
        await queryRunner.query(`DROP TABLE "temporary_member_purchase_stats"`);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_expected_next" ON "member_purchase_stats" ("expectedNextDate") `);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_first_to_second" ON "member_purchase_stats" ("firstToSecondDays") `);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_days_interval" ON "member_purchase_stats" ("purchaseDayCount", "expectedIntervalDays") `);
    }

}
