import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCartAddressesOrders1795359975756 implements MigrationInterface {
    name = 'AddCartAddressesOrders1795359975756'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "addresses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "memberId" integer NOT NULL, "recipientName" varchar(20) NOT NULL, "phone" varchar(20) NOT NULL, "provinceName" varchar(20) NOT NULL, "cityName" varchar(20) NOT NULL, "districtName" varchar(20) NOT NULL, "regionCode" varchar(6) NOT NULL, "detail" varchar(120) NOT NULL, "defaultMark" boolean, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_addresses_member" ON "addresses" ("memberId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_addresses_member_default" ON "addresses" ("memberId", "defaultMark") `);
        await queryRunner.query(`CREATE TABLE "cart_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "memberId" integer NOT NULL, "skuId" integer NOT NULL, "productId" integer NOT NULL, "quantity" integer NOT NULL, "selected" boolean NOT NULL DEFAULT (1), "addedPriceFen" integer NOT NULL, "title" varchar(60) NOT NULL, "specValues" text NOT NULL, "imageUrl" varchar(500) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_cart_items_member_sku" ON "cart_items" ("memberId", "skuId") `);
        await queryRunner.query(`CREATE TABLE "order_lines" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "productId" integer NOT NULL, "skuId" integer NOT NULL, "title" varchar(60) NOT NULL, "specValues" text NOT NULL, "imageUrl" varchar(500) NOT NULL, "unitPriceFen" integer NOT NULL, "quantity" integer NOT NULL, "lineTotalFen" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_order_lines_order" ON "order_lines" ("orderId") `);
        await queryRunner.query(`CREATE TABLE "orders" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderNo" varchar(24) NOT NULL, "memberId" integer NOT NULL, "clientToken" varchar(64) NOT NULL, "status" varchar(20) NOT NULL, "itemCount" integer NOT NULL, "listTotalFen" integer NOT NULL, "memberDiscountFen" integer NOT NULL DEFAULT (0), "promotionDiscountFen" integer NOT NULL DEFAULT (0), "couponDiscountFen" integer NOT NULL DEFAULT (0), "pointsDiscountFen" integer NOT NULL DEFAULT (0), "shippingFeeFen" integer NOT NULL, "payableFen" integer NOT NULL, "recipientName" varchar(20) NOT NULL, "recipientPhone" varchar(20) NOT NULL, "provinceName" varchar(20) NOT NULL, "cityName" varchar(20) NOT NULL, "districtName" varchar(20) NOT NULL, "regionCode" varchar(6) NOT NULL, "addressDetail" varchar(120) NOT NULL, "remark" varchar(200) NOT NULL DEFAULT (''), "sourceChannelCode" varchar(64), "sourceReferrerCode" varchar(64), "sourceLiveRoomId" varchar(64), "groupBuyTeamId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "payDeadlineAt" datetime, "paidAt" datetime, "shippedAt" datetime, "completedAt" datetime, "cancelledAt" datetime, "cancelReason" varchar(20), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_orders_order_no" ON "orders" ("orderNo") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_status_pay_deadline" ON "orders" ("status", "payDeadlineAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_member_status" ON "orders" ("memberId", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_orders_member_client_token" ON "orders" ("memberId", "clientToken") `);
        await queryRunner.query(`CREATE TABLE "shop_settings" ("id" integer PRIMARY KEY NOT NULL, "shippingFeeFen" integer NOT NULL, "freeShippingThresholdFen" integer, "unpaidTimeoutMinutes" integer NOT NULL, "autoConfirmDays" integer NOT NULL, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "shop_settings"`);
        await queryRunner.query(`DROP INDEX "UQ_orders_member_client_token"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_member_status"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_status_pay_deadline"`);
        await queryRunner.query(`DROP INDEX "UQ_orders_order_no"`);
        await queryRunner.query(`DROP TABLE "orders"`);
        await queryRunner.query(`DROP INDEX "IDX_order_lines_order"`);
        await queryRunner.query(`DROP TABLE "order_lines"`);
        await queryRunner.query(`DROP INDEX "UQ_cart_items_member_sku"`);
        await queryRunner.query(`DROP TABLE "cart_items"`);
        await queryRunner.query(`DROP INDEX "UQ_addresses_member_default"`);
        await queryRunner.query(`DROP INDEX "IDX_addresses_member"`);
        await queryRunner.query(`DROP TABLE "addresses"`);
    }

}
