import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The stock ledger: stock_movements replaces stock_adjustments. The staff adjustments move over as
 * `adjustment` rows, and every SKU gets an `initial` row for the rest of its stock (its stock now minus those
 * adjustments; sales before the ledger are not known one by one), so each SKU's rows sum to its stock.
 */
export class StockMovements1796600000000 implements MigrationInterface {
    name = 'StockMovements1796600000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`stock_movements\` (\`id\` int NOT NULL AUTO_INCREMENT, \`skuId\` int NOT NULL, \`productId\` int NOT NULL, \`delta\` int NOT NULL, \`reason\` varchar(20) NOT NULL, \`orderId\` int NULL, \`orderLineId\` int NULL, \`afterSaleId\` int NULL, \`staffId\` int NULL, \`note\` varchar(100) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_stock_movements_sku\` (\`skuId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`INSERT INTO \`stock_movements\` (\`skuId\`, \`productId\`, \`delta\`, \`reason\`, \`staffId\`, \`note\`, \`createdAt\`) SELECT s.\`id\`, s.\`productId\`, s.\`stock\` - COALESCE((SELECT SUM(a.\`delta\`) FROM \`stock_adjustments\` a WHERE a.\`skuId\` = s.\`id\`), 0), 'initial', NULL, '建立库存流水时的库存', s.\`createdAt\` FROM \`skus\` s ORDER BY s.\`id\``);
        await queryRunner.query(`INSERT INTO \`stock_movements\` (\`skuId\`, \`productId\`, \`delta\`, \`reason\`, \`staffId\`, \`note\`, \`createdAt\`) SELECT a.\`skuId\`, s.\`productId\`, a.\`delta\`, 'adjustment', NULLIF(a.\`staffId\`, 0), a.\`reason\`, a.\`createdAt\` FROM \`stock_adjustments\` a JOIN \`skus\` s ON s.\`id\` = a.\`skuId\` ORDER BY a.\`id\``);
        await queryRunner.query(`DROP INDEX \`IDX_stock_adjustments_sku\` ON \`stock_adjustments\``);
        await queryRunner.query(`DROP TABLE \`stock_adjustments\``);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`stock_adjustments\` (\`id\` int NOT NULL AUTO_INCREMENT, \`skuId\` int NOT NULL, \`delta\` int NOT NULL, \`stockAfter\` int NOT NULL, \`reason\` varchar(100) NOT NULL, \`staffId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_stock_adjustments_sku\` (\`skuId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`INSERT INTO \`stock_adjustments\` (\`skuId\`, \`delta\`, \`stockAfter\`, \`reason\`, \`staffId\`, \`createdAt\`) SELECT \`skuId\`, \`delta\`, 0, COALESCE(\`note\`, ''), COALESCE(\`staffId\`, 0), \`createdAt\` FROM \`stock_movements\` WHERE \`reason\` IN ('adjustment', 'product_edit') ORDER BY \`id\``);
        await queryRunner.query(`DROP INDEX \`IDX_stock_movements_sku\` ON \`stock_movements\``);
        await queryRunner.query(`DROP TABLE \`stock_movements\``);
    }

}
