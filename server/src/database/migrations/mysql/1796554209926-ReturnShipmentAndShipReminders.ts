import { MigrationInterface, QueryRunner } from "typeorm";

/** 退货退款 return shipping (return address copy, the shopper's parcel, receipt by staff) and 提醒发货 on orders. */
export class ReturnShipmentAndShipReminders1796554209926 implements MigrationInterface {
    name = 'ReturnShipmentAndShipReminders1796554209926'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`after_sales\` ADD \`returnRecipientName\` varchar(20) NULL`);
        await queryRunner.query(`ALTER TABLE \`after_sales\` ADD \`returnPhone\` varchar(20) NULL`);
        await queryRunner.query(`ALTER TABLE \`after_sales\` ADD \`returnAddress\` varchar(200) NULL`);
        await queryRunner.query(`ALTER TABLE \`after_sales\` ADD \`returnCarrierCode\` varchar(10) NULL`);
        await queryRunner.query(`ALTER TABLE \`after_sales\` ADD \`returnTrackingNo\` varchar(32) NULL`);
        await queryRunner.query(`ALTER TABLE \`after_sales\` ADD \`returnShippedAt\` datetime NULL`);
        await queryRunner.query(`ALTER TABLE \`after_sales\` ADD \`returnReceivedAt\` datetime NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`shipRemindedAt\` datetime NULL`);
        // Widened in place (keeping every case's status): return_received is 15 characters.
        await queryRunner.query(`ALTER TABLE \`after_sales\` MODIFY \`status\` varchar(16) NOT NULL`);
        await queryRunner.query(`CREATE INDEX \`IDX_orders_status_ship_reminded\` ON \`orders\` (\`status\`, \`shipRemindedAt\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_orders_status_ship_reminded\` ON \`orders\``);
        await queryRunner.query(`ALTER TABLE \`after_sales\` MODIFY \`status\` varchar(12) NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`shipRemindedAt\``);
        await queryRunner.query(`ALTER TABLE \`after_sales\` DROP COLUMN \`returnReceivedAt\``);
        await queryRunner.query(`ALTER TABLE \`after_sales\` DROP COLUMN \`returnShippedAt\``);
        await queryRunner.query(`ALTER TABLE \`after_sales\` DROP COLUMN \`returnTrackingNo\``);
        await queryRunner.query(`ALTER TABLE \`after_sales\` DROP COLUMN \`returnCarrierCode\``);
        await queryRunner.query(`ALTER TABLE \`after_sales\` DROP COLUMN \`returnAddress\``);
        await queryRunner.query(`ALTER TABLE \`after_sales\` DROP COLUMN \`returnPhone\``);
        await queryRunner.query(`ALTER TABLE \`after_sales\` DROP COLUMN \`returnRecipientName\``);
    }

}
