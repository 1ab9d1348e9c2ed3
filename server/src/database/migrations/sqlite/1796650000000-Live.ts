import { MigrationInterface, QueryRunner } from "typeorm";

export class Live1796650000000 implements MigrationInterface {
    name = 'Live1796650000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "live_sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "provider" varchar(10) NOT NULL, "title" varchar(60) NOT NULL, "coverUrl" varchar(500), "plannedStartAt" datetime NOT NULL, "plannedEndAt" datetime NOT NULL, "status" varchar(10) NOT NULL, "startedAt" datetime, "endedAt" datetime, "cancelledAt" datetime, "finderUserName" varchar(64), "feedId" varchar(128), "noticeId" varchar(128), "roomId" integer, "providerStatusCode" integer, "providerStatusChangedAt" datetime, "couponTemplateId" integer, "createdByStaffId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_live_sessions_status_start" ON "live_sessions" ("status", "plannedStartAt") `);
        await queryRunner.query(`CREATE TABLE "live_session_products" ("sessionId" integer NOT NULL, "productId" integer NOT NULL, "position" integer NOT NULL, PRIMARY KEY ("sessionId", "productId"))`);
        await queryRunner.query(`CREATE TABLE "live_session_prices" ("sessionId" integer NOT NULL, "skuId" integer NOT NULL, "productId" integer NOT NULL, "livePriceFen" integer NOT NULL, "unitQuota" integer NOT NULL DEFAULT (0), "unitsTaken" integer NOT NULL DEFAULT (0), PRIMARY KEY ("sessionId", "skuId"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "live_session_prices"`);
        await queryRunner.query(`DROP TABLE "live_session_products"`);
        await queryRunner.query(`DROP INDEX "IDX_live_sessions_status_start"`);
        await queryRunner.query(`DROP TABLE "live_sessions"`);
    }
}
