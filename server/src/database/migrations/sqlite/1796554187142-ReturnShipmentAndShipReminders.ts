import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 退货退款 return shipping (the return address copied at approval, the shopper's parcel, receipt by staff; the
 * wider status column holds return_received) and 提醒发货 on orders. The orders column is added in place rather
 * than by rebuilding the table, so it leaves every other column of orders as it is.
 */
export class ReturnShipmentAndShipReminders1796554187142 implements MigrationInterface {
    name = 'ReturnShipmentAndShipReminders1796554187142'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_after_sales_status"`);
        await queryRunner.query(`DROP INDEX "IDX_after_sales_order"`);
        await queryRunner.query(`CREATE TABLE "temporary_after_sales" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "memberId" integer NOT NULL, "type" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "reason" varchar(50) NOT NULL, "description" varchar(500) NOT NULL DEFAULT (''), "images" text NOT NULL, "refundFen" integer NOT NULL, "rejectReason" varchar(100), "orderStatusBefore" varchar(20) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "handledAt" datetime, "refundStartedAt" datetime, "refundedAt" datetime, "returnRecipientName" varchar(20), "returnPhone" varchar(20), "returnAddress" varchar(200), "returnCarrierCode" varchar(10), "returnTrackingNo" varchar(32), "returnShippedAt" datetime, "returnReceivedAt" datetime)`);
        await queryRunner.query(`INSERT INTO "temporary_after_sales"("id", "orderId", "memberId", "type", "status", "reason", "description", "images", "refundFen", "rejectReason", "orderStatusBefore", "createdAt", "handledAt", "refundStartedAt", "refundedAt") SELECT "id", "orderId", "memberId", "type", "status", "reason", "description", "images", "refundFen", "rejectReason", "orderStatusBefore", "createdAt", "handledAt", "refundStartedAt", "refundedAt" FROM "after_sales"`);
        await queryRunner.query(`DROP TABLE "after_sales"`);
        await queryRunner.query(`ALTER TABLE "temporary_after_sales" RENAME TO "after_sales"`);
        await queryRunner.query(`CREATE INDEX "IDX_after_sales_status" ON "after_sales" ("status", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_after_sales_order" ON "after_sales" ("orderId") `);
        await queryRunner.query(`ALTER TABLE "orders" ADD COLUMN "shipRemindedAt" datetime`);
        await queryRunner.query(`CREATE INDEX "IDX_orders_status_ship_reminded" ON "orders" ("status", "shipRemindedAt") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_orders_status_ship_reminded"`);
        await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "shipRemindedAt"`);
        await queryRunner.query(`DROP INDEX "IDX_after_sales_order"`);
        await queryRunner.query(`DROP INDEX "IDX_after_sales_status"`);
        await queryRunner.query(`ALTER TABLE "after_sales" RENAME TO "temporary_after_sales"`);
        await queryRunner.query(`CREATE TABLE "after_sales" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "memberId" integer NOT NULL, "type" varchar(16) NOT NULL, "status" varchar(12) NOT NULL, "reason" varchar(50) NOT NULL, "description" varchar(500) NOT NULL DEFAULT (''), "images" text NOT NULL, "refundFen" integer NOT NULL, "rejectReason" varchar(100), "orderStatusBefore" varchar(20) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "handledAt" datetime, "refundStartedAt" datetime, "refundedAt" datetime)`);
        await queryRunner.query(`INSERT INTO "after_sales"("id", "orderId", "memberId", "type", "status", "reason", "description", "images", "refundFen", "rejectReason", "orderStatusBefore", "createdAt", "handledAt", "refundStartedAt", "refundedAt") SELECT "id", "orderId", "memberId", "type", "status", "reason", "description", "images", "refundFen", "rejectReason", "orderStatusBefore", "createdAt", "handledAt", "refundStartedAt", "refundedAt" FROM "temporary_after_sales"`);
        await queryRunner.query(`DROP TABLE "temporary_after_sales"`);
        await queryRunner.query(`CREATE INDEX "IDX_after_sales_status" ON "after_sales" ("status", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_after_sales_order" ON "after_sales" ("orderId") `);
    }

}
