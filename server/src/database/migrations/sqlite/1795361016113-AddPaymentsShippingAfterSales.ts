import { MigrationInterface, QueryRunner } from "typeorm";

export class AddPaymentsShippingAfterSales1795361016113 implements MigrationInterface {
    name = 'AddPaymentsShippingAfterSales1795361016113'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "after_sales" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "memberId" integer NOT NULL, "type" varchar(16) NOT NULL, "status" varchar(12) NOT NULL, "reason" varchar(50) NOT NULL, "description" varchar(500) NOT NULL DEFAULT (''), "images" text NOT NULL, "refundFen" integer NOT NULL, "rejectReason" varchar(100), "orderStatusBefore" varchar(20) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "handledAt" datetime, "refundStartedAt" datetime, "refundedAt" datetime)`);
        await queryRunner.query(`CREATE INDEX "IDX_after_sales_order" ON "after_sales" ("orderId") `);
        await queryRunner.query(`CREATE INDEX "IDX_after_sales_status" ON "after_sales" ("status", "id") `);
        await queryRunner.query(`CREATE TABLE "payments" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "transactionId" varchar(32) NOT NULL, "amountFen" integer NOT NULL, "payerOpenid" varchar(64) NOT NULL, "successAt" datetime NOT NULL, "outcome" varchar(20) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_payments_order" ON "payments" ("orderId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_payments_transaction_id" ON "payments" ("transactionId") `);
        await queryRunner.query(`CREATE TABLE "refunds" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "afterSaleId" integer, "outRefundNo" varchar(64) NOT NULL, "amountFen" integer NOT NULL, "paymentTotalFen" integer NOT NULL, "reason" varchar(80) NOT NULL, "status" varchar(12) NOT NULL, "acceptedAt" datetime, "wechatRefundId" varchar(64), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "succeededAt" datetime)`);
        await queryRunner.query(`CREATE INDEX "IDX_refunds_order" ON "refunds" ("orderId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_refunds_out_refund_no" ON "refunds" ("outRefundNo") `);
        await queryRunner.query(`CREATE INDEX "IDX_refunds_status_accepted" ON "refunds" ("status", "acceptedAt") `);
        await queryRunner.query(`CREATE TABLE "subscribe_message_logs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "kind" varchar(20) NOT NULL, "templateId" varchar(64) NOT NULL, "result" varchar(10) NOT NULL, "errcode" integer, "at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_subscribe_message_logs_order" ON "subscribe_message_logs" ("orderId") `);
        await queryRunner.query(`CREATE TABLE "subscribe_quotas" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "memberId" integer NOT NULL, "templateId" varchar(64) NOT NULL, "remaining" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_subscribe_quotas_member_template" ON "subscribe_quotas" ("memberId", "templateId") `);
        await queryRunner.query(`DROP INDEX "UQ_orders_member_client_token"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_member_status"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_status_pay_deadline"`);
        await queryRunner.query(`DROP INDEX "UQ_orders_order_no"`);
        await queryRunner.query(`CREATE TABLE "temporary_orders" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderNo" varchar(24) NOT NULL, "memberId" integer NOT NULL, "clientToken" varchar(64) NOT NULL, "status" varchar(20) NOT NULL, "itemCount" integer NOT NULL, "listTotalFen" integer NOT NULL, "memberDiscountFen" integer NOT NULL DEFAULT (0), "promotionDiscountFen" integer NOT NULL DEFAULT (0), "couponDiscountFen" integer NOT NULL DEFAULT (0), "pointsDiscountFen" integer NOT NULL DEFAULT (0), "shippingFeeFen" integer NOT NULL, "payableFen" integer NOT NULL, "recipientName" varchar(20) NOT NULL, "recipientPhone" varchar(20) NOT NULL, "provinceName" varchar(20) NOT NULL, "cityName" varchar(20) NOT NULL, "districtName" varchar(20) NOT NULL, "regionCode" varchar(6) NOT NULL, "addressDetail" varchar(120) NOT NULL, "remark" varchar(200) NOT NULL DEFAULT (''), "sourceChannelCode" varchar(64), "sourceReferrerCode" varchar(64), "sourceLiveRoomId" varchar(64), "groupBuyTeamId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "payDeadlineAt" datetime, "paidAt" datetime, "shippedAt" datetime, "completedAt" datetime, "cancelledAt" datetime, "cancelReason" varchar(20), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "refundedAt" datetime, "prepayId" varchar(64), "prepayExpiresAt" datetime, "paymentAttemptAt" datetime, "carrierCode" varchar(10), "trackingNo" varchar(32), "autoConfirmAt" datetime, "shippingReportStatus" varchar(10), "shippingReportMessage" varchar(200), "shippingReportAt" datetime)`);
        await queryRunner.query(`INSERT INTO "temporary_orders"("id", "orderNo", "memberId", "clientToken", "status", "itemCount", "listTotalFen", "memberDiscountFen", "promotionDiscountFen", "couponDiscountFen", "pointsDiscountFen", "shippingFeeFen", "payableFen", "recipientName", "recipientPhone", "provinceName", "cityName", "districtName", "regionCode", "addressDetail", "remark", "sourceChannelCode", "sourceReferrerCode", "sourceLiveRoomId", "groupBuyTeamId", "createdAt", "payDeadlineAt", "paidAt", "shippedAt", "completedAt", "cancelledAt", "cancelReason", "updatedAt") SELECT "id", "orderNo", "memberId", "clientToken", "status", "itemCount", "listTotalFen", "memberDiscountFen", "promotionDiscountFen", "couponDiscountFen", "pointsDiscountFen", "shippingFeeFen", "payableFen", "recipientName", "recipientPhone", "provinceName", "cityName", "districtName", "regionCode", "addressDetail", "remark", "sourceChannelCode", "sourceReferrerCode", "sourceLiveRoomId", "groupBuyTeamId", "createdAt", "payDeadlineAt", "paidAt", "shippedAt", "completedAt", "cancelledAt", "cancelReason", "updatedAt" FROM "orders"`);
        await queryRunner.query(`DROP TABLE "orders"`);
        await queryRunner.query(`ALTER TABLE "temporary_orders" RENAME TO "orders"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_orders_member_client_token" ON "orders" ("memberId", "clientToken") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_member_status" ON "orders" ("memberId", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_status_pay_deadline" ON "orders" ("status", "payDeadlineAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_orders_order_no" ON "orders" ("orderNo") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_status_auto_confirm" ON "orders" ("status", "autoConfirmAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_status_payment_attempt" ON "orders" ("status", "paymentAttemptAt") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_orders_status_payment_attempt"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_status_auto_confirm"`);
        await queryRunner.query(`DROP INDEX "UQ_orders_order_no"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_status_pay_deadline"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_member_status"`);
        await queryRunner.query(`DROP INDEX "UQ_orders_member_client_token"`);
        await queryRunner.query(`ALTER TABLE "orders" RENAME TO "temporary_orders"`);
        await queryRunner.query(`CREATE TABLE "orders" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderNo" varchar(24) NOT NULL, "memberId" integer NOT NULL, "clientToken" varchar(64) NOT NULL, "status" varchar(20) NOT NULL, "itemCount" integer NOT NULL, "listTotalFen" integer NOT NULL, "memberDiscountFen" integer NOT NULL DEFAULT (0), "promotionDiscountFen" integer NOT NULL DEFAULT (0), "couponDiscountFen" integer NOT NULL DEFAULT (0), "pointsDiscountFen" integer NOT NULL DEFAULT (0), "shippingFeeFen" integer NOT NULL, "payableFen" integer NOT NULL, "recipientName" varchar(20) NOT NULL, "recipientPhone" varchar(20) NOT NULL, "provinceName" varchar(20) NOT NULL, "cityName" varchar(20) NOT NULL, "districtName" varchar(20) NOT NULL, "regionCode" varchar(6) NOT NULL, "addressDetail" varchar(120) NOT NULL, "remark" varchar(200) NOT NULL DEFAULT (''), "sourceChannelCode" varchar(64), "sourceReferrerCode" varchar(64), "sourceLiveRoomId" varchar(64), "groupBuyTeamId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "payDeadlineAt" datetime, "paidAt" datetime, "shippedAt" datetime, "completedAt" datetime, "cancelledAt" datetime, "cancelReason" varchar(20), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "orders"("id", "orderNo", "memberId", "clientToken", "status", "itemCount", "listTotalFen", "memberDiscountFen", "promotionDiscountFen", "couponDiscountFen", "pointsDiscountFen", "shippingFeeFen", "payableFen", "recipientName", "recipientPhone", "provinceName", "cityName", "districtName", "regionCode", "addressDetail", "remark", "sourceChannelCode", "sourceReferrerCode", "sourceLiveRoomId", "groupBuyTeamId", "createdAt", "payDeadlineAt", "paidAt", "shippedAt", "completedAt", "cancelledAt", "cancelReason", "updatedAt") SELECT "id", "orderNo", "memberId", "clientToken", "status", "itemCount", "listTotalFen", "memberDiscountFen", "promotionDiscountFen", "couponDiscountFen", "pointsDiscountFen", "shippingFeeFen", "payableFen", "recipientName", "recipientPhone", "provinceName", "cityName", "districtName", "regionCode", "addressDetail", "remark", "sourceChannelCode", "sourceReferrerCode", "sourceLiveRoomId", "groupBuyTeamId", "createdAt", "payDeadlineAt", "paidAt", "shippedAt", "completedAt", "cancelledAt", "cancelReason", "updatedAt" FROM "temporary_orders"`);
        await queryRunner.query(`DROP TABLE "temporary_orders"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_orders_order_no" ON "orders" ("orderNo") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_status_pay_deadline" ON "orders" ("status", "payDeadlineAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_member_status" ON "orders" ("memberId", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_orders_member_client_token" ON "orders" ("memberId", "clientToken") `);
        await queryRunner.query(`DROP INDEX "UQ_subscribe_quotas_member_template"`);
        await queryRunner.query(`DROP TABLE "subscribe_quotas"`);
        await queryRunner.query(`DROP INDEX "IDX_subscribe_message_logs_order"`);
        await queryRunner.query(`DROP TABLE "subscribe_message_logs"`);
        await queryRunner.query(`DROP INDEX "IDX_refunds_status_accepted"`);
        await queryRunner.query(`DROP INDEX "UQ_refunds_out_refund_no"`);
        await queryRunner.query(`DROP INDEX "IDX_refunds_order"`);
        await queryRunner.query(`DROP TABLE "refunds"`);
        await queryRunner.query(`DROP INDEX "UQ_payments_transaction_id"`);
        await queryRunner.query(`DROP INDEX "IDX_payments_order"`);
        await queryRunner.query(`DROP TABLE "payments"`);
        await queryRunner.query(`DROP INDEX "IDX_after_sales_status"`);
        await queryRunner.query(`DROP INDEX "IDX_after_sales_order"`);
        await queryRunner.query(`DROP TABLE "after_sales"`);
    }

}
