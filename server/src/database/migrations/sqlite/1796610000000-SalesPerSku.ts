import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Orders and payments stop writing the product row (a second hot row beside the SKU): real sales are kept per
 * SKU (skus.salesCount) and a product's stock and sales are summed from its SKUs when read. The sales counted so
 * far stay on the product as carriedSalesCount (they were not kept per SKU). cache_versions: one row per tag of
 * cached answers that staff edits change, polled by every instance.
 */
export class SalesPerSku1796610000000 implements MigrationInterface {
    name = 'SalesPerSku1796610000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_sales"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_category"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_price"`);
        await queryRunner.query(`CREATE TABLE "temporary_products" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "categoryId" integer NOT NULL, "title" varchar(60) NOT NULL, "subtitle" varchar(120) NOT NULL DEFAULT (''), "images" text NOT NULL, "detail" text NOT NULL, "tags" text NOT NULL, "specs" text NOT NULL, "onShelf" boolean NOT NULL DEFAULT (0), "sortOrder" integer NOT NULL DEFAULT (0), "minPriceFen" integer NOT NULL DEFAULT (0), "minPriceOriginalFen" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "deletedAt" datetime, "memberPriceEnabled" boolean NOT NULL DEFAULT (1), "baseSalesCount" integer NOT NULL DEFAULT (0), "carriedSalesCount" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "temporary_products"("id", "categoryId", "title", "subtitle", "images", "detail", "tags", "specs", "onShelf", "sortOrder", "minPriceFen", "minPriceOriginalFen", "createdAt", "updatedAt", "deletedAt", "memberPriceEnabled", "baseSalesCount", "carriedSalesCount") SELECT "id", "categoryId", "title", "subtitle", "images", "detail", "tags", "specs", "onShelf", "sortOrder", "minPriceFen", "minPriceOriginalFen", "createdAt", "updatedAt", "deletedAt", "memberPriceEnabled", "baseSalesCount", "salesCount" FROM "products"`);
        await queryRunner.query(`DROP TABLE "products"`);
        await queryRunner.query(`ALTER TABLE "temporary_products" RENAME TO "products"`);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_category" ON "products" ("onShelf", "categoryId") `);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_price" ON "products" ("onShelf", "minPriceFen") `);
        await queryRunner.query(`ALTER TABLE "skus" ADD COLUMN "salesCount" integer NOT NULL DEFAULT (0)`);
        await queryRunner.query(`CREATE TABLE "cache_versions" ("name" varchar(40) PRIMARY KEY NOT NULL, "version" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "cache_versions" ("name", "version") VALUES ('catalog', 0), ('coupons', 0), ('shop', 0)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "cache_versions"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_price"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_category"`);
        await queryRunner.query(`CREATE TABLE "temporary_products" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "categoryId" integer NOT NULL, "title" varchar(60) NOT NULL, "subtitle" varchar(120) NOT NULL DEFAULT (''), "images" text NOT NULL, "detail" text NOT NULL, "tags" text NOT NULL, "specs" text NOT NULL, "onShelf" boolean NOT NULL DEFAULT (0), "sortOrder" integer NOT NULL DEFAULT (0), "salesCount" integer NOT NULL DEFAULT (0), "minPriceFen" integer NOT NULL DEFAULT (0), "minPriceOriginalFen" integer, "totalStock" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "deletedAt" datetime, "memberPriceEnabled" boolean NOT NULL DEFAULT (1), "baseSalesCount" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "temporary_products"("id", "categoryId", "title", "subtitle", "images", "detail", "tags", "specs", "onShelf", "sortOrder", "salesCount", "minPriceFen", "minPriceOriginalFen", "totalStock", "createdAt", "updatedAt", "deletedAt", "memberPriceEnabled", "baseSalesCount") SELECT p."id", p."categoryId", p."title", p."subtitle", p."images", p."detail", p."tags", p."specs", p."onShelf", p."sortOrder", p."carriedSalesCount" + (SELECT COALESCE(SUM(s."salesCount"), 0) FROM "skus" s WHERE s."productId" = p."id"), p."minPriceFen", p."minPriceOriginalFen", (SELECT COALESCE(SUM(s."stock"), 0) FROM "skus" s WHERE s."productId" = p."id"), p."createdAt", p."updatedAt", p."deletedAt", p."memberPriceEnabled", p."baseSalesCount" FROM "products" p`);
        await queryRunner.query(`DROP TABLE "products"`);
        await queryRunner.query(`ALTER TABLE "temporary_products" RENAME TO "products"`);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_category" ON "products" ("onShelf", "categoryId") `);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_price" ON "products" ("onShelf", "minPriceFen") `);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_sales" ON "products" ("onShelf", "salesCount") `);
        await queryRunner.query(`ALTER TABLE "skus" DROP COLUMN "salesCount"`);
    }

}
