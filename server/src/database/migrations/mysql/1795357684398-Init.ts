import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795357684398 implements MigrationInterface {
    name = 'Init1795357684398'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`banners\` (\`id\` int NOT NULL AUTO_INCREMENT, \`title\` varchar(40) NOT NULL, \`imageUrl\` varchar(500) NOT NULL, \`productId\` int NULL, \`categoryId\` int NULL, \`sortOrder\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`categories\` (\`id\` int NOT NULL AUTO_INCREMENT, \`parentId\` int NULL, \`name\` varchar(20) NOT NULL, \`icon\` varchar(500) NULL, \`sortOrder\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_categories_parent\` (\`parentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`products\` (\`id\` int NOT NULL AUTO_INCREMENT, \`categoryId\` int NOT NULL, \`title\` varchar(60) NOT NULL, \`subtitle\` varchar(120) NOT NULL DEFAULT '', \`images\` text NOT NULL, \`detail\` text NOT NULL, \`tags\` text NOT NULL, \`specs\` text NOT NULL, \`onShelf\` tinyint NOT NULL DEFAULT 0, \`sortOrder\` int NOT NULL DEFAULT '0', \`salesCount\` int NOT NULL DEFAULT '0', \`minPriceFen\` int NOT NULL DEFAULT '0', \`minPriceOriginalFen\` int NULL, \`totalStock\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_products_shelf_price\` (\`onShelf\`, \`minPriceFen\`), INDEX \`IDX_products_shelf_sales\` (\`onShelf\`, \`salesCount\`), INDEX \`IDX_products_shelf_category\` (\`onShelf\`, \`categoryId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`skus\` (\`id\` int NOT NULL AUTO_INCREMENT, \`productId\` int NOT NULL, \`specValues\` text NOT NULL, \`priceFen\` int NOT NULL, \`originalPriceFen\` int NULL, \`stock\` int NOT NULL DEFAULT '0', \`skuCode\` varchar(40) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_skus_product\` (\`productId\`), UNIQUE INDEX \`UQ_skus_code\` (\`skuCode\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`stock_adjustments\` (\`id\` int NOT NULL AUTO_INCREMENT, \`skuId\` int NOT NULL, \`delta\` int NOT NULL, \`stockAfter\` int NOT NULL, \`reason\` varchar(100) NOT NULL, \`staffId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_stock_adjustments_sku\` (\`skuId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`members\` (\`id\` int NOT NULL AUTO_INCREMENT, \`openid\` varchar(64) NOT NULL, \`unionid\` varchar(64) NULL, \`nickname\` varchar(40) NULL, \`avatarUrl\` varchar(500) NULL, \`phone\` varchar(20) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`lastLoginAt\` datetime NULL, UNIQUE INDEX \`UQ_members_openid\` (\`openid\`), INDEX \`IDX_members_unionid\` (\`unionid\`), INDEX \`IDX_members_phone\` (\`phone\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`seed_runs\` (\`name\` varchar(64) NOT NULL, \`ranAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`name\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`staff_login_throttles\` (\`username\` varchar(64) NOT NULL, \`failures\` int NOT NULL DEFAULT '0', \`windowStartedAt\` datetime NOT NULL, PRIMARY KEY (\`username\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`staff\` (\`id\` int NOT NULL AUTO_INCREMENT, \`username\` varchar(32) NOT NULL, \`displayName\` varchar(40) NOT NULL, \`passwordHash\` varchar(255) NOT NULL, \`role\` varchar(32) NOT NULL, \`disabled\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_staff_username\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`UQ_staff_username\` ON \`staff\``);
        await queryRunner.query(`DROP TABLE \`staff\``);
        await queryRunner.query(`DROP TABLE \`staff_login_throttles\``);
        await queryRunner.query(`DROP TABLE \`seed_runs\``);
        await queryRunner.query(`DROP INDEX \`IDX_members_phone\` ON \`members\``);
        await queryRunner.query(`DROP INDEX \`IDX_members_unionid\` ON \`members\``);
        await queryRunner.query(`DROP INDEX \`UQ_members_openid\` ON \`members\``);
        await queryRunner.query(`DROP TABLE \`members\``);
        await queryRunner.query(`DROP INDEX \`IDX_stock_adjustments_sku\` ON \`stock_adjustments\``);
        await queryRunner.query(`DROP TABLE \`stock_adjustments\``);
        await queryRunner.query(`DROP INDEX \`UQ_skus_code\` ON \`skus\``);
        await queryRunner.query(`DROP INDEX \`IDX_skus_product\` ON \`skus\``);
        await queryRunner.query(`DROP TABLE \`skus\``);
        await queryRunner.query(`DROP INDEX \`IDX_products_shelf_category\` ON \`products\``);
        await queryRunner.query(`DROP INDEX \`IDX_products_shelf_sales\` ON \`products\``);
        await queryRunner.query(`DROP INDEX \`IDX_products_shelf_price\` ON \`products\``);
        await queryRunner.query(`DROP TABLE \`products\``);
        await queryRunner.query(`DROP INDEX \`IDX_categories_parent\` ON \`categories\``);
        await queryRunner.query(`DROP TABLE \`categories\``);
        await queryRunner.query(`DROP TABLE \`banners\``);
    }

}
