import { MigrationInterface, QueryRunner } from "typeorm";

/** A hand adjustment of points records the staff member who made it. */
export class PointsLedgerStaff1796554400001 implements MigrationInterface {
    name = 'PointsLedgerStaff1796554400001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "UQ_points_ledger_order_reason"`);
        await queryRunner.query(`DROP INDEX "IDX_points_ledger_member"`);
        await queryRunner.query(`DROP INDEX "IDX_points_ledger_member_open_lots"`);
        await queryRunner.query(`DROP INDEX "IDX_points_ledger_open_lot_expiry"`);
        await queryRunner.query(`CREATE TABLE "temporary_points_ledger" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "memberId" integer NOT NULL, "delta" integer NOT NULL, "balanceAfter" integer NOT NULL, "reason" varchar(30) NOT NULL, "orderId" integer, "orderNo" varchar(24), "expiresAt" datetime, "remaining" integer NOT NULL DEFAULT (0), "openLotExpiresAt" datetime, "note" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "staffId" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_points_ledger"("id", "memberId", "delta", "balanceAfter", "reason", "orderId", "orderNo", "expiresAt", "remaining", "openLotExpiresAt", "note", "createdAt") SELECT "id", "memberId", "delta", "balanceAfter", "reason", "orderId", "orderNo", "expiresAt", "remaining", "openLotExpiresAt", "note", "createdAt" FROM "points_ledger"`);
        await queryRunner.query(`DROP TABLE "points_ledger"`);
        await queryRunner.query(`ALTER TABLE "temporary_points_ledger" RENAME TO "points_ledger"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_points_ledger_order_reason" ON "points_ledger" ("orderId", "reason") `);
        await queryRunner.query(`CREATE INDEX "IDX_points_ledger_member" ON "points_ledger" ("memberId", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_points_ledger_member_open_lots" ON "points_ledger" ("memberId", "openLotExpiresAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_points_ledger_open_lot_expiry" ON "points_ledger" ("openLotExpiresAt") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_points_ledger_open_lot_expiry"`);
        await queryRunner.query(`DROP INDEX "IDX_points_ledger_member_open_lots"`);
        await queryRunner.query(`DROP INDEX "IDX_points_ledger_member"`);
        await queryRunner.query(`DROP INDEX "UQ_points_ledger_order_reason"`);
        await queryRunner.query(`ALTER TABLE "points_ledger" RENAME TO "temporary_points_ledger"`);
        await queryRunner.query(`CREATE TABLE "points_ledger" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "memberId" integer NOT NULL, "delta" integer NOT NULL, "balanceAfter" integer NOT NULL, "reason" varchar(30) NOT NULL, "orderId" integer, "orderNo" varchar(24), "expiresAt" datetime, "remaining" integer NOT NULL DEFAULT (0), "openLotExpiresAt" datetime, "note" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "points_ledger"("id", "memberId", "delta", "balanceAfter", "reason", "orderId", "orderNo", "expiresAt", "remaining", "openLotExpiresAt", "note", "createdAt") SELECT "id", "memberId", "delta", "balanceAfter", "reason", "orderId", "orderNo", "expiresAt", "remaining", "openLotExpiresAt", "note", "createdAt" FROM "temporary_points_ledger"`);
        await queryRunner.query(`DROP TABLE "temporary_points_ledger"`);
        await queryRunner.query(`CREATE INDEX "IDX_points_ledger_open_lot_expiry" ON "points_ledger" ("openLotExpiresAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_points_ledger_member_open_lots" ON "points_ledger" ("memberId", "openLotExpiresAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_points_ledger_member" ON "points_ledger" ("memberId", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_points_ledger_order_reason" ON "points_ledger" ("orderId", "reason") `);
    }

}
