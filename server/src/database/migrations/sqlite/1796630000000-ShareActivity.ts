import { MigrationInterface, QueryRunner } from "typeorm";

export class ShareActivity1796630000000 implements MigrationInterface {
    name = 'ShareActivity1796630000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "share_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "shareLinkId" integer NOT NULL, "sharerMemberId" integer NOT NULL, "channel" varchar(10) NOT NULL, "day" varchar(10) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_share_events_day_sharer" ON "share_events" ("day", "sharerMemberId") `);
        await queryRunner.query(`CREATE TABLE "share_visits" ("shareLinkId" integer NOT NULL, "visitorKey" varchar(80) NOT NULL, "day" varchar(10) NOT NULL, "sharerMemberId" integer NOT NULL, "firstAt" datetime NOT NULL, PRIMARY KEY ("shareLinkId", "visitorKey", "day"))`);
        await queryRunner.query(`CREATE INDEX "IDX_share_visits_day_sharer" ON "share_visits" ("day", "sharerMemberId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_share_visits_day_sharer"`);
        await queryRunner.query(`DROP TABLE "share_visits"`);
        await queryRunner.query(`DROP INDEX "IDX_share_events_day_sharer"`);
        await queryRunner.query(`DROP TABLE "share_events"`);
    }

}
