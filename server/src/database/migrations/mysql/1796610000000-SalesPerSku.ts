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
        await queryRunner.query(`DROP INDEX \`IDX_products_shelf_sales\` ON \`products\``);
        await queryRunner.query(`ALTER TABLE \`products\` CHANGE \`salesCount\` \`carriedSalesCount\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`products\` DROP COLUMN \`totalStock\``);
        await queryRunner.query(`ALTER TABLE \`skus\` ADD \`salesCount\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`CREATE TABLE \`cache_versions\` (\`name\` varchar(40) NOT NULL, \`version\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`name\`)) ENGINE=InnoDB`);
        await queryRunner.query(`INSERT INTO \`cache_versions\` (\`name\`, \`version\`) VALUES ('catalog', 0), ('coupons', 0), ('shop', 0)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`cache_versions\``);
        await queryRunner.query(`ALTER TABLE \`products\` ADD \`totalStock\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`UPDATE \`products\` p SET p.\`totalStock\` = (SELECT COALESCE(SUM(s.\`stock\`), 0) FROM \`skus\` s WHERE s.\`productId\` = p.\`id\`), p.\`carriedSalesCount\` = p.\`carriedSalesCount\` + (SELECT COALESCE(SUM(s.\`salesCount\`), 0) FROM \`skus\` s WHERE s.\`productId\` = p.\`id\`)`);
        await queryRunner.query(`ALTER TABLE \`skus\` DROP COLUMN \`salesCount\``);
        await queryRunner.query(`ALTER TABLE \`products\` CHANGE \`carriedSalesCount\` \`salesCount\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`CREATE INDEX \`IDX_products_shelf_sales\` ON \`products\` (\`onShelf\`, \`salesCount\`)`);
    }

}
