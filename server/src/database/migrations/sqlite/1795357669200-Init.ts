import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795357669200 implements MigrationInterface {
    name = 'Init1795357669200'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "banners" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(40) NOT NULL, "imageUrl" varchar(500) NOT NULL, "productId" integer, "categoryId" integer, "sortOrder" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE TABLE "categories" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parentId" integer, "name" varchar(20) NOT NULL, "icon" varchar(500), "sortOrder" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_categories_parent" ON "categories" ("parentId") `);
        await queryRunner.query(`CREATE TABLE "products" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "categoryId" integer NOT NULL, "title" varchar(60) NOT NULL, "subtitle" varchar(120) NOT NULL DEFAULT (''), "images" text NOT NULL, "detail" text NOT NULL, "tags" text NOT NULL, "specs" text NOT NULL, "onShelf" boolean NOT NULL DEFAULT (0), "sortOrder" integer NOT NULL DEFAULT (0), "salesCount" integer NOT NULL DEFAULT (0), "minPriceFen" integer NOT NULL DEFAULT (0), "minPriceOriginalFen" integer, "totalStock" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_price" ON "products" ("onShelf", "minPriceFen") `);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_sales" ON "products" ("onShelf", "salesCount") `);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_category" ON "products" ("onShelf", "categoryId") `);
        await queryRunner.query(`CREATE TABLE "skus" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "productId" integer NOT NULL, "specValues" text NOT NULL, "priceFen" integer NOT NULL, "originalPriceFen" integer, "stock" integer NOT NULL DEFAULT (0), "skuCode" varchar(40) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_skus_product" ON "skus" ("productId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_skus_code" ON "skus" ("skuCode") `);
        await queryRunner.query(`CREATE TABLE "stock_adjustments" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "skuId" integer NOT NULL, "delta" integer NOT NULL, "stockAfter" integer NOT NULL, "reason" varchar(100) NOT NULL, "staffId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_stock_adjustments_sku" ON "stock_adjustments" ("skuId") `);
        await queryRunner.query(`CREATE TABLE "members" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64) NOT NULL, "unionid" varchar(64), "nickname" varchar(40), "avatarUrl" varchar(500), "phone" varchar(20), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "lastLoginAt" datetime)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_members_openid" ON "members" ("openid") `);
        await queryRunner.query(`CREATE INDEX "IDX_members_unionid" ON "members" ("unionid") `);
        await queryRunner.query(`CREATE INDEX "IDX_members_phone" ON "members" ("phone") `);
        await queryRunner.query(`CREATE TABLE "seed_runs" ("name" varchar(64) PRIMARY KEY NOT NULL, "ranAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE TABLE "staff_login_throttles" ("username" varchar(64) PRIMARY KEY NOT NULL, "failures" integer NOT NULL DEFAULT (0), "windowStartedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "staff" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(32) NOT NULL, "displayName" varchar(40) NOT NULL, "passwordHash" varchar(255) NOT NULL, "role" varchar(32) NOT NULL, "disabled" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_staff_username" ON "staff" ("username") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "UQ_staff_username"`);
        await queryRunner.query(`DROP TABLE "staff"`);
        await queryRunner.query(`DROP TABLE "staff_login_throttles"`);
        await queryRunner.query(`DROP TABLE "seed_runs"`);
        await queryRunner.query(`DROP INDEX "IDX_members_phone"`);
        await queryRunner.query(`DROP INDEX "IDX_members_unionid"`);
        await queryRunner.query(`DROP INDEX "UQ_members_openid"`);
        await queryRunner.query(`DROP TABLE "members"`);
        await queryRunner.query(`DROP INDEX "IDX_stock_adjustments_sku"`);
        await queryRunner.query(`DROP TABLE "stock_adjustments"`);
        await queryRunner.query(`DROP INDEX "UQ_skus_code"`);
        await queryRunner.query(`DROP INDEX "IDX_skus_product"`);
        await queryRunner.query(`DROP TABLE "skus"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_category"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_sales"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_price"`);
        await queryRunner.query(`DROP TABLE "products"`);
        await queryRunner.query(`DROP INDEX "IDX_categories_parent"`);
        await queryRunner.query(`DROP TABLE "categories"`);
        await queryRunner.query(`DROP TABLE "banners"`);
    }

}
