import { MigrationInterface, QueryRunner } from "typeorm";

export class SoftDeleteProducts1795363344517 implements MigrationInterface {
    name = 'SoftDeleteProducts1795363344517'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_category"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_sales"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_price"`);
        await queryRunner.query(`CREATE TABLE "temporary_products" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "categoryId" integer NOT NULL, "title" varchar(60) NOT NULL, "subtitle" varchar(120) NOT NULL DEFAULT (''), "images" text NOT NULL, "detail" text NOT NULL, "tags" text NOT NULL, "specs" text NOT NULL, "onShelf" boolean NOT NULL DEFAULT (0), "sortOrder" integer NOT NULL DEFAULT (0), "salesCount" integer NOT NULL DEFAULT (0), "minPriceFen" integer NOT NULL DEFAULT (0), "minPriceOriginalFen" integer, "totalStock" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "deletedAt" datetime)`);
        await queryRunner.query(`INSERT INTO "temporary_products"("id", "categoryId", "title", "subtitle", "images", "detail", "tags", "specs", "onShelf", "sortOrder", "salesCount", "minPriceFen", "minPriceOriginalFen", "totalStock", "createdAt", "updatedAt") SELECT "id", "categoryId", "title", "subtitle", "images", "detail", "tags", "specs", "onShelf", "sortOrder", "salesCount", "minPriceFen", "minPriceOriginalFen", "totalStock", "createdAt", "updatedAt" FROM "products"`);
        await queryRunner.query(`DROP TABLE "products"`);
        await queryRunner.query(`ALTER TABLE "temporary_products" RENAME TO "products"`);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_category" ON "products" ("onShelf", "categoryId") `);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_sales" ON "products" ("onShelf", "salesCount") `);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_price" ON "products" ("onShelf", "minPriceFen") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_price"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_sales"`);
        await queryRunner.query(`DROP INDEX "IDX_products_shelf_category"`);
        await queryRunner.query(`ALTER TABLE "products" RENAME TO "temporary_products"`);
        await queryRunner.query(`CREATE TABLE "products" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "categoryId" integer NOT NULL, "title" varchar(60) NOT NULL, "subtitle" varchar(120) NOT NULL DEFAULT (''), "images" text NOT NULL, "detail" text NOT NULL, "tags" text NOT NULL, "specs" text NOT NULL, "onShelf" boolean NOT NULL DEFAULT (0), "sortOrder" integer NOT NULL DEFAULT (0), "salesCount" integer NOT NULL DEFAULT (0), "minPriceFen" integer NOT NULL DEFAULT (0), "minPriceOriginalFen" integer, "totalStock" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "products"("id", "categoryId", "title", "subtitle", "images", "detail", "tags", "specs", "onShelf", "sortOrder", "salesCount", "minPriceFen", "minPriceOriginalFen", "totalStock", "createdAt", "updatedAt") SELECT "id", "categoryId", "title", "subtitle", "images", "detail", "tags", "specs", "onShelf", "sortOrder", "salesCount", "minPriceFen", "minPriceOriginalFen", "totalStock", "createdAt", "updatedAt" FROM "temporary_products"`);
        await queryRunner.query(`DROP TABLE "temporary_products"`);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_price" ON "products" ("onShelf", "minPriceFen") `);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_sales" ON "products" ("onShelf", "salesCount") `);
        await queryRunner.query(`CREATE INDEX "IDX_products_shelf_category" ON "products" ("onShelf", "categoryId") `);
    }

}
