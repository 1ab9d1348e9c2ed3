import { MigrationInterface, QueryRunner } from "typeorm";

export class OrderCouponName1795367521062 implements MigrationInterface {
    name = 'OrderCouponName1795367521062'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_orders_coupon_template"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_member_coupon"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_status_payment_attempt"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_status_auto_confirm"`);
        await queryRunner.query(`DROP INDEX "UQ_orders_order_no"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_status_pay_deadline"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_member_status"`);
        await queryRunner.query(`DROP INDEX "UQ_orders_member_client_token"`);
        await queryRunner.query(`CREATE TABLE "temporary_orders" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderNo" varchar(24) NOT NULL, "memberId" integer NOT NULL, "clientToken" varchar(64) NOT NULL, "status" varchar(20) NOT NULL, "itemCount" integer NOT NULL, "listTotalFen" integer NOT NULL, "memberDiscountFen" integer NOT NULL DEFAULT (0), "promotionDiscountFen" integer NOT NULL DEFAULT (0), "couponDiscountFen" integer NOT NULL DEFAULT (0), "pointsDiscountFen" integer NOT NULL DEFAULT (0), "shippingFeeFen" integer NOT NULL, "payableFen" integer NOT NULL, "recipientName" varchar(20) NOT NULL, "recipientPhone" varchar(20) NOT NULL, "provinceName" varchar(20) NOT NULL, "cityName" varchar(20) NOT NULL, "districtName" varchar(20) NOT NULL, "regionCode" varchar(6) NOT NULL, "addressDetail" varchar(120) NOT NULL, "remark" varchar(200) NOT NULL DEFAULT (''), "sourceChannelCode" varchar(64), "sourceReferrerCode" varchar(64), "sourceLiveRoomId" varchar(64), "groupBuyTeamId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "payDeadlineAt" datetime, "paidAt" datetime, "shippedAt" datetime, "completedAt" datetime, "cancelledAt" datetime, "cancelReason" varchar(20), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "refundedAt" datetime, "prepayId" varchar(64), "prepayExpiresAt" datetime, "paymentAttemptAt" datetime, "carrierCode" varchar(10), "trackingNo" varchar(32), "autoConfirmAt" datetime, "shippingReportStatus" varchar(10), "shippingReportMessage" varchar(200), "shippingReportAt" datetime, "cancelNote" varchar(100), "memberCouponId" integer, "couponTemplateId" integer, "pointsUsed" integer NOT NULL DEFAULT (0), "couponName" varchar(40))`);
        await queryRunner.query(`INSERT INTO "temporary_orders"("id", "orderNo", "memberId", "clientToken", "status", "itemCount", "listTotalFen", "memberDiscountFen", "promotionDiscountFen", "couponDiscountFen", "pointsDiscountFen", "shippingFeeFen", "payableFen", "recipientName", "recipientPhone", "provinceName", "cityName", "districtName", "regionCode", "addressDetail", "remark", "sourceChannelCode", "sourceReferrerCode", "sourceLiveRoomId", "groupBuyTeamId", "createdAt", "payDeadlineAt", "paidAt", "shippedAt", "completedAt", "cancelledAt", "cancelReason", "updatedAt", "refundedAt", "prepayId", "prepayExpiresAt", "paymentAttemptAt", "carrierCode", "trackingNo", "autoConfirmAt", "shippingReportStatus", "shippingReportMessage", "shippingReportAt", "cancelNote", "memberCouponId", "couponTemplateId", "pointsUsed") SELECT "id", "orderNo", "memberId", "clientToken", "status", "itemCount", "listTotalFen", "memberDiscountFen", "promotionDiscountFen", "couponDiscountFen", "pointsDiscountFen", "shippingFeeFen", "payableFen", "recipientName", "recipientPhone", "provinceName", "cityName", "districtName", "regionCode", "addressDetail", "remark", "sourceChannelCode", "sourceReferrerCode", "sourceLiveRoomId", "groupBuyTeamId", "createdAt", "payDeadlineAt", "paidAt", "shippedAt", "completedAt", "cancelledAt", "cancelReason", "updatedAt", "refundedAt", "prepayId", "prepayExpiresAt", "paymentAttemptAt", "carrierCode", "trackingNo", "autoConfirmAt", "shippingReportStatus", "shippingReportMessage", "shippingReportAt", "cancelNote", "memberCouponId", "couponTemplateId", "pointsUsed" FROM "orders"`);
        await queryRunner.query(`DROP TABLE "orders"`);
        await queryRunner.query(`ALTER TABLE "temporary_orders" RENAME TO "orders"`);
        await queryRunner.query(`CREATE INDEX "IDX_orders_coupon_template" ON "orders" ("couponTemplateId") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_member_coupon" ON "orders" ("memberCouponId") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_status_payment_attempt" ON "orders" ("status", "paymentAttemptAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_status_auto_confirm" ON "orders" ("status", "autoConfirmAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_orders_order_no" ON "orders" ("orderNo") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_status_pay_deadline" ON "orders" ("status", "payDeadlineAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_member_status" ON "orders" ("memberId", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_orders_member_client_token" ON "orders" ("memberId", "clientToken") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "UQ_orders_member_client_token"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_member_status"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_status_pay_deadline"`);
        await queryRunner.query(`DROP INDEX "UQ_orders_order_no"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_status_auto_confirm"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_status_payment_attempt"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_member_coupon"`);
        await queryRunner.query(`DROP INDEX "IDX_orders_coupon_template"`);
        await queryRunner.query(`ALTER TABLE "orders" RENAME TO "temporary_orders"`);
        await queryRunner.query(`CREATE TABLE "orders" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderNo" varchar(24) NOT NULL, "memberId" integer NOT NULL, "clientToken" varchar(64) NOT NULL, "status" varchar(20) NOT NULL, "itemCount" integer NOT NULL, "listTotalFen" integer NOT NULL, "memberDiscountFen" integer NOT NULL DEFAULT (0), "promotionDiscountFen" integer NOT NULL DEFAULT (0), "couponDiscountFen" integer NOT NULL DEFAULT (0), "pointsDiscountFen" integer NOT NULL DEFAULT (0), "shippingFeeFen" integer NOT NULL, "payableFen" integer NOT NULL, "recipientName" varchar(20) NOT NULL, "recipientPhone" varchar(20) NOT NULL, "provinceName" varchar(20) NOT NULL, "cityName" varchar(20) NOT NULL, "districtName" varchar(20) NOT NULL, "regionCode" varchar(6) NOT NULL, "addressDetail" varchar(120) NOT NULL, "remark" varchar(200) NOT NULL DEFAULT (''), "sourceChannelCode" varchar(64), "sourceReferrerCode" varchar(64), "sourceLiveRoomId" varchar(64), "groupBuyTeamId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "payDeadlineAt" datetime, "paidAt" datetime, "shippedAt" datetime, "completedAt" datetime, "cancelledAt" datetime, "cancelReason" varchar(20), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "refundedAt" datetime, "prepayId" varchar(64), "prepayExpiresAt" datetime, "paymentAttemptAt" datetime, "carrierCode" varchar(10), "trackingNo" varchar(32), "autoConfirmAt" datetime, "shippingReportStatus" varchar(10), "shippingReportMessage" varchar(200), "shippingReportAt" datetime, "cancelNote" varchar(100), "memberCouponId" integer, "couponTemplateId" integer, "pointsUsed" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "orders"("id", "orderNo", "memberId", "clientToken", "status", "itemCount", "listTotalFen", "memberDiscountFen", "promotionDiscountFen", "couponDiscountFen", "pointsDiscountFen", "shippingFeeFen", "payableFen", "recipientName", "recipientPhone", "provinceName", "cityName", "districtName", "regionCode", "addressDetail", "remark", "sourceChannelCode", "sourceReferrerCode", "sourceLiveRoomId", "groupBuyTeamId", "createdAt", "payDeadlineAt", "paidAt", "shippedAt", "completedAt", "cancelledAt", "cancelReason", "updatedAt", "refundedAt", "prepayId", "prepayExpiresAt", "paymentAttemptAt", "carrierCode", "trackingNo", "autoConfirmAt", "shippingReportStatus", "shippingReportMessage", "shippingReportAt", "cancelNote", "memberCouponId", "couponTemplateId", "pointsUsed") SELECT "id", "orderNo", "memberId", "clientToken", "status", "itemCount", "listTotalFen", "memberDiscountFen", "promotionDiscountFen", "couponDiscountFen", "pointsDiscountFen", "shippingFeeFen", "payableFen", "recipientName", "recipientPhone", "provinceName", "cityName", "districtName", "regionCode", "addressDetail", "remark", "sourceChannelCode", "sourceReferrerCode", "sourceLiveRoomId", "groupBuyTeamId", "createdAt", "payDeadlineAt", "paidAt", "shippedAt", "completedAt", "cancelledAt", "cancelReason", "updatedAt", "refundedAt", "prepayId", "prepayExpiresAt", "paymentAttemptAt", "carrierCode", "trackingNo", "autoConfirmAt", "shippingReportStatus", "shippingReportMessage", "shippingReportAt", "cancelNote", "memberCouponId", "couponTemplateId", "pointsUsed" FROM "temporary_orders"`);
        await queryRunner.query(`DROP TABLE "temporary_orders"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_orders_member_client_token" ON "orders" ("memberId", "clientToken") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_member_status" ON "orders" ("memberId", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_status_pay_deadline" ON "orders" ("status", "payDeadlineAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_orders_order_no" ON "orders" ("orderNo") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_status_auto_confirm" ON "orders" ("status", "autoConfirmAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_status_payment_attempt" ON "orders" ("status", "paymentAttemptAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_member_coupon" ON "orders" ("memberCouponId") `);
        await queryRunner.query(`CREATE INDEX "IDX_orders_coupon_template" ON "orders" ("couponTemplateId") `);
    }

}
