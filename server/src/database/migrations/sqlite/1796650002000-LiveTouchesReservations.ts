import { MigrationInterface, QueryRunner } from "typeorm";

export class LiveTouchesReservations1796650002000 implements MigrationInterface {
    name = 'LiveTouchesReservations1796650002000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "live_touches" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "sessionId" integer NOT NULL, "kind" varchar(10) NOT NULL, "entry" varchar(16), "scene" integer, "deviceId" varchar(64), "memberId" integer, "sharerMemberId" integer, "withShareInfo" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_live_touches_device_created" ON "live_touches" ("deviceId", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_live_touches_member_created" ON "live_touches" ("memberId", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_live_touches_session_created" ON "live_touches" ("sessionId", "createdAt") `);
        await queryRunner.query(`CREATE TABLE "live_reservations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "sessionId" integer NOT NULL, "memberId" integer NOT NULL, "reminderState" varchar(10) NOT NULL, "remindedAt" datetime, "channelsReserved" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_live_reservations_session_member" UNIQUE ("sessionId", "memberId"))`);
        await queryRunner.query(`CREATE INDEX "IDX_live_reservations_session_reminder" ON "live_reservations" ("sessionId", "reminderState") `);
        await queryRunner.query(`CREATE TABLE "live_settings" ("id" integer PRIMARY KEY NOT NULL, "attributionWindowHours" integer NOT NULL, "reminderLeadMinutes" integer NOT NULL, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        // Nullable columns and an index: added in place, without rebuilding the orders table.
        await queryRunner.query(`ALTER TABLE "orders" ADD COLUMN "sourceLiveSessionId" integer`);
        await queryRunner.query(`ALTER TABLE "orders" ADD COLUMN "sourceLiveAttribution" varchar(16)`);
        await queryRunner.query(`CREATE INDEX "IDX_orders_source_live_session" ON "orders" ("sourceLiveSessionId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_orders_source_live_session"`);
        await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "sourceLiveAttribution"`);
        await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "sourceLiveSessionId"`);
        await queryRunner.query(`DROP TABLE "live_settings"`);
        await queryRunner.query(`DROP INDEX "IDX_live_reservations_session_reminder"`);
        await queryRunner.query(`DROP TABLE "live_reservations"`);
        await queryRunner.query(`DROP INDEX "IDX_live_touches_session_created"`);
        await queryRunner.query(`DROP INDEX "IDX_live_touches_member_created"`);
        await queryRunner.query(`DROP INDEX "IDX_live_touches_device_created"`);
        await queryRunner.query(`DROP TABLE "live_touches"`);
    }

}
