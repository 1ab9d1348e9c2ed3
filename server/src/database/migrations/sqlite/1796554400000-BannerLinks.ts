import { MigrationInterface, QueryRunner } from "typeorm";

/** Banners link to a product, a category or a storefront page (linkType + linkTarget) and can be switched off. */
export class BannerLinks1796554400000 implements MigrationInterface {
    name = 'BannerLinks1796554400000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "temporary_banners" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(40) NOT NULL, "imageUrl" varchar(500) NOT NULL, "sortOrder" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "linkType" varchar(10) NOT NULL DEFAULT ('none'), "linkTarget" varchar(40), "enabled" boolean NOT NULL DEFAULT (1))`);
        // A banner with a product opened the product, else its category.
        await queryRunner.query(`INSERT INTO "temporary_banners"("id", "title", "imageUrl", "sortOrder", "createdAt", "linkType", "linkTarget", "enabled") SELECT "id", "title", "imageUrl", "sortOrder", "createdAt", CASE WHEN "productId" IS NOT NULL THEN 'product' WHEN "categoryId" IS NOT NULL THEN 'category' ELSE 'none' END, COALESCE(CAST("productId" AS TEXT), CAST("categoryId" AS TEXT)), 1 FROM "banners"`);
        await queryRunner.query(`DROP TABLE "banners"`);
        await queryRunner.query(`ALTER TABLE "temporary_banners" RENAME TO "banners"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "banners" RENAME TO "temporary_banners"`);
        await queryRunner.query(`CREATE TABLE "banners" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(40) NOT NULL, "imageUrl" varchar(500) NOT NULL, "productId" integer, "categoryId" integer, "sortOrder" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "banners"("id", "title", "imageUrl", "productId", "categoryId", "sortOrder", "createdAt") SELECT "id", "title", "imageUrl", CASE WHEN "linkType" = 'product' THEN CAST("linkTarget" AS INTEGER) END, CASE WHEN "linkType" = 'category' THEN CAST("linkTarget" AS INTEGER) END, "sortOrder", "createdAt" FROM "temporary_banners"`);
        await queryRunner.query(`DROP TABLE "temporary_banners"`);
    }

}
