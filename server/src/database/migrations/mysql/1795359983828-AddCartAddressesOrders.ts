import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCartAddressesOrders1795359983828 implements MigrationInterface {
    name = 'AddCartAddressesOrders1795359983828'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`addresses\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`recipientName\` varchar(20) NOT NULL, \`phone\` varchar(20) NOT NULL, \`provinceName\` varchar(20) NOT NULL, \`cityName\` varchar(20) NOT NULL, \`districtName\` varchar(20) NOT NULL, \`regionCode\` varchar(6) NOT NULL, \`detail\` varchar(120) NOT NULL, \`defaultMark\` tinyint NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_addresses_member\` (\`memberId\`), UNIQUE INDEX \`UQ_addresses_member_default\` (\`memberId\`, \`defaultMark\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`cart_items\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`skuId\` int NOT NULL, \`productId\` int NOT NULL, \`quantity\` int NOT NULL, \`selected\` tinyint NOT NULL DEFAULT 1, \`addedPriceFen\` int NOT NULL, \`title\` varchar(60) NOT NULL, \`specValues\` text NOT NULL, \`imageUrl\` varchar(500) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_cart_items_member_sku\` (\`memberId\`, \`skuId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`order_lines\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`productId\` int NOT NULL, \`skuId\` int NOT NULL, \`title\` varchar(60) NOT NULL, \`specValues\` text NOT NULL, \`imageUrl\` varchar(500) NOT NULL, \`unitPriceFen\` int NOT NULL, \`quantity\` int NOT NULL, \`lineTotalFen\` int NOT NULL, INDEX \`IDX_order_lines_order\` (\`orderId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`orders\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderNo\` varchar(24) NOT NULL, \`memberId\` int NOT NULL, \`clientToken\` varchar(64) NOT NULL, \`status\` varchar(20) NOT NULL, \`itemCount\` int NOT NULL, \`listTotalFen\` int NOT NULL, \`memberDiscountFen\` int NOT NULL DEFAULT '0', \`promotionDiscountFen\` int NOT NULL DEFAULT '0', \`couponDiscountFen\` int NOT NULL DEFAULT '0', \`pointsDiscountFen\` int NOT NULL DEFAULT '0', \`shippingFeeFen\` int NOT NULL, \`payableFen\` int NOT NULL, \`recipientName\` varchar(20) NOT NULL, \`recipientPhone\` varchar(20) NOT NULL, \`provinceName\` varchar(20) NOT NULL, \`cityName\` varchar(20) NOT NULL, \`districtName\` varchar(20) NOT NULL, \`regionCode\` varchar(6) NOT NULL, \`addressDetail\` varchar(120) NOT NULL, \`remark\` varchar(200) NOT NULL DEFAULT '', \`sourceChannelCode\` varchar(64) NULL, \`sourceReferrerCode\` varchar(64) NULL, \`sourceLiveRoomId\` varchar(64) NULL, \`groupBuyTeamId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`payDeadlineAt\` datetime NULL, \`paidAt\` datetime NULL, \`shippedAt\` datetime NULL, \`completedAt\` datetime NULL, \`cancelledAt\` datetime NULL, \`cancelReason\` varchar(20) NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_orders_order_no\` (\`orderNo\`), INDEX \`IDX_orders_status_pay_deadline\` (\`status\`, \`payDeadlineAt\`), INDEX \`IDX_orders_member_status\` (\`memberId\`, \`status\`), UNIQUE INDEX \`UQ_orders_member_client_token\` (\`memberId\`, \`clientToken\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`shop_settings\` (\`id\` int NOT NULL, \`shippingFeeFen\` int NOT NULL, \`freeShippingThresholdFen\` int NULL, \`unpaidTimeoutMinutes\` int NOT NULL, \`autoConfirmDays\` int NOT NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`shop_settings\``);
        await queryRunner.query(`DROP INDEX \`UQ_orders_member_client_token\` ON \`orders\``);
        await queryRunner.query(`DROP INDEX \`IDX_orders_member_status\` ON \`orders\``);
        await queryRunner.query(`DROP INDEX \`IDX_orders_status_pay_deadline\` ON \`orders\``);
        await queryRunner.query(`DROP INDEX \`UQ_orders_order_no\` ON \`orders\``);
        await queryRunner.query(`DROP TABLE \`orders\``);
        await queryRunner.query(`DROP INDEX \`IDX_order_lines_order\` ON \`order_lines\``);
        await queryRunner.query(`DROP TABLE \`order_lines\``);
        await queryRunner.query(`DROP INDEX \`UQ_cart_items_member_sku\` ON \`cart_items\``);
        await queryRunner.query(`DROP TABLE \`cart_items\``);
        await queryRunner.query(`DROP INDEX \`UQ_addresses_member_default\` ON \`addresses\``);
        await queryRunner.query(`DROP INDEX \`IDX_addresses_member\` ON \`addresses\``);
        await queryRunner.query(`DROP TABLE \`addresses\``);
    }

}
