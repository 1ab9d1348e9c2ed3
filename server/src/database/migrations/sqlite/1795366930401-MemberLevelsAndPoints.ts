import { MigrationInterface, QueryRunner } from "typeorm";

export class MemberLevelsAndPoints1795366930401 implements MigrationInterface {
    name = 'MemberLevelsAndPoints1795366930401'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "loyalty_settings" ("id" integer PRIMARY KEY NOT NULL, "levelWindowDays" integer NOT NULL, "pointsEarnedPerYuan" integer NOT NULL, "pointsPerYuan" integer NOT NULL, "pointsMaxSharePercent" integer NOT NULL, "pointsExpiryMonths" integer NOT NULL, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE TABLE "member_level_changes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "memberId" integer NOT NULL, "fromLevelId" integer, "fromLevelName" varchar(20), "toLevelId" integer NOT NULL, "toLevelName" varchar(20) NOT NULL, "reason" varchar(20) NOT NULL, "netPaidFen" integer NOT NULL, "changedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_member_level_changes_member" ON "member_level_changes" ("memberId", "id") `);
        await queryRunner.query(`CREATE TABLE "member_level_reviews" ("memberId" integer PRIMARY KEY NOT NULL, "reviewAt" datetime)`);
        await queryRunner.query(`CREATE INDEX "IDX_member_level_reviews_due" ON "member_level_reviews" ("reviewAt") `);
        await queryRunner.query(`CREATE TABLE "member_levels" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "rank" integer NOT NULL, "name" varchar(20) NOT NULL, "minPaidFen" integer NOT NULL, "memberPricePercent" integer NOT NULL, "freeShippingThresholdFen" integer, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_member_levels_rank" ON "member_levels" ("rank") `);
        await queryRunner.query(`CREATE TABLE "points_ledger" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "memberId" integer NOT NULL, "delta" integer NOT NULL, "balanceAfter" integer NOT NULL, "reason" varchar(30) NOT NULL, "orderId" integer, "orderNo" varchar(24), "expiresAt" datetime, "remaining" integer NOT NULL DEFAULT (0), "openLotExpiresAt" datetime, "note" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_points_ledger_open_lot_expiry" ON "points_ledger" ("openLotExpiresAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_points_ledger_member_open_lots" ON "points_ledger" ("memberId", "openLotExpiresAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_points_ledger_member" ON "points_ledger" ("memberId", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_points_ledger_order_reason" ON "points_ledger" ("orderId", "reason") `);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_price"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_sales"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_category"`);
        await queryRunner.query(`CREATE TABLE "temporary_products" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "categoryId" integer NOT NULL, "title" varchar(60) NOT NULL, "subtitle" varchar(120) NOT NULL DEFAULT (''), "images" text NOT NULL, "detail" text NOT NULL, "tags" text NOT NULL, "specs" text NOT NULL, "onShelf" boolean NOT NULL DEFAULT (0), "sortOrder" integer NOT NULL DEFAULT (0), "salesCount" integer NOT NULL DEFAULT (0), "minPriceFen" integer NOT NULL DEFAULT (0), "minPriceOriginalFen" integer, "totalStock" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "deletedAt" datetime, "memberPriceEnabled" boolean NOT NULL DEFAULT (1))`);
        await queryRunner.query(`INSERT INTO "temporary_products"("id", "categoryId", "title", "subtitle", "images", "detail", "tags", "specs", "onShelf", "sortOrder", "salesCount", "minPriceFen", "minPriceOriginalFen", "totalStock", "createdAt", "updatedAt", "deletedAt") SELECT "id", "categoryId", "title", "subtitle", "images", "detail", "tags", "specs", "onShelf", "sortOrder", "salesCount", "minPriceFen", "minPriceOriginalFen", "totalStock", "createdAt", "updatedAt", "deletedAt" FROM "products"`);
        await queryRunner.query(`DROP TABLE "products"`);
        await queryRunner.query(`ALTER TABLE "temporary_products" RENAME TO "products"`);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_price" ON "products" ("onShelf", "minPriceFen") `);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_sales" ON "products" ("onShelf", "salesCount") `);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_category" ON "products" ("onShelf", "categoryId") `);
        // The default tiers, so a new shop has levels without a manual step: 普通会员, 银卡 from 1 000 元 (98%), 金卡 from 3 000 元 (95%, free shipping from 99 元), 黑金 from 10 000 元 (90%, free shipping always).
        await queryRunner.query(`INSERT INTO "member_levels" ("rank", "name", "minPaidFen", "memberPricePercent", "freeShippingThresholdFen") VALUES (0, '普通会员', 0, 100, NULL), (1, '银卡', 100000, 98, NULL), (2, '金卡', 300000, 95, 9900), (3, '黑金', 1000000, 90, 0)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_category"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_sales"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_price"`);
        await queryRunner.query(`ALTER TABLE "products" RENAME TO "temporary_products"`);
        await queryRunner.query(`CREATE TABLE "products" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "categoryId" integer NOT NULL, "title" varchar(60) NOT NULL, "subtitle" varchar(120) NOT NULL DEFAULT (''), "images" text NOT NULL, "detail" text NOT NULL, "tags" text NOT NULL, "specs" text NOT NULL, "onShelf" boolean NOT NULL DEFAULT (0), "sortOrder" integer NOT NULL DEFAULT (0), "salesCount" integer NOT NULL DEFAULT (0), "minPriceFen" integer NOT NULL DEFAULT (0), "minPriceOriginalFen" integer, "totalStock" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "deletedAt" datetime)`);
        await queryRunner.query(`INSERT INTO "products"("id", "categoryId", "title", "subtitle", "images", "detail", "tags", "specs", "onShelf", "sortOrder", "salesCount", "minPriceFen", "minPriceOriginalFen", "totalStock", "createdAt", "updatedAt", "deletedAt") SELECT "id", "categoryId", "title", "subtitle", "images", "detail", "tags", "specs", "onShelf", "sortOrder", "salesCount", "minPriceFen", "minPriceOriginalFen", "totalStock", "createdAt", "updatedAt", "deletedAt" FROM "temporary_products"`);
        await queryRunner.query(`DROP TABLE "temporary_products"`);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_category" ON "products" ("onShelf", "categoryId") `);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_sales" ON "products" ("onShelf", "salesCount") `);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_price" ON "products" ("onShelf", "minPriceFen") `);
        await queryRunner.query(`DROP INDEX "UQ_points_ledger_order_reason"`);
        await queryRunner.query(`DROP INDEX "IDX_points_ledger_member"`);
        await queryRunner.query(`DROP INDEX "IDX_points_ledger_member_open_lots"`);
        await queryRunner.query(`DROP INDEX "IDX_points_ledger_open_lot_expiry"`);
        await queryRunner.query(`DROP TABLE "points_ledger"`);
        await queryRunner.query(`DROP INDEX "UQ_member_levels_rank"`);
        await queryRunner.query(`DROP TABLE "member_levels"`);
        await queryRunner.query(`DROP INDEX "IDX_member_level_reviews_due"`);
        await queryRunner.query(`DROP TABLE "member_level_reviews"`);
        await queryRunner.query(`DROP INDEX "IDX_member_level_changes_member"`);
        await queryRunner.query(`DROP TABLE "member_level_changes"`);
        await queryRunner.query(`DROP TABLE "loyalty_settings"`);
    }

}
