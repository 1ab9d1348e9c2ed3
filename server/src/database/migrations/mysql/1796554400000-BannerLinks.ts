import { MigrationInterface, QueryRunner } from "typeorm";

/** Banners link to a product, a category or a storefront page (linkType + linkTarget) and can be switched off. */
export class BannerLinks1796554400000 implements MigrationInterface {
    name = 'BannerLinks1796554400000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`banners\` ADD \`linkType\` varchar(10) NOT NULL DEFAULT 'none'`);
        await queryRunner.query(`ALTER TABLE \`banners\` ADD \`linkTarget\` varchar(40) NULL`);
        await queryRunner.query(`ALTER TABLE \`banners\` ADD \`enabled\` tinyint NOT NULL DEFAULT 1`);
        // A banner with a product opened the product, else its category.
        await queryRunner.query(`UPDATE \`banners\` SET \`linkType\` = CASE WHEN \`productId\` IS NOT NULL THEN 'product' WHEN \`categoryId\` IS NOT NULL THEN 'category' ELSE 'none' END, \`linkTarget\` = COALESCE(CAST(\`productId\` AS CHAR), CAST(\`categoryId\` AS CHAR))`);
        await queryRunner.query(`ALTER TABLE \`banners\` DROP COLUMN \`productId\``);
        await queryRunner.query(`ALTER TABLE \`banners\` DROP COLUMN \`categoryId\``);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`banners\` ADD \`categoryId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`banners\` ADD \`productId\` int NULL`);
        await queryRunner.query(`UPDATE \`banners\` SET \`productId\` = CASE WHEN \`linkType\` = 'product' THEN CAST(\`linkTarget\` AS UNSIGNED) END, \`categoryId\` = CASE WHEN \`linkType\` = 'category' THEN CAST(\`linkTarget\` AS UNSIGNED) END`);
        await queryRunner.query(`ALTER TABLE \`banners\` DROP COLUMN \`enabled\``);
        await queryRunner.query(`ALTER TABLE \`banners\` DROP COLUMN \`linkTarget\``);
        await queryRunner.query(`ALTER TABLE \`banners\` DROP COLUMN \`linkType\``);
    }

}
