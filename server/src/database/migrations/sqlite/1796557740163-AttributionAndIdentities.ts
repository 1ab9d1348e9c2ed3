import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Attribution and identity: share links, first/last touches per visitor, member identities (backfilled from
 * the members' openid, unionid and phone; the oldest member keeps a value two members share), and the
 * order's sharer.
 */
export class AttributionAndIdentities1796557740163 implements MigrationInterface {
    name = 'AttributionAndIdentities1796557740163'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "member_identities" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(10) NOT NULL, "value" varchar(128) NOT NULL, "memberId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_member_identities_member" ON "member_identities" ("memberId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_member_identities_kind_value" ON "member_identities" ("kind", "value") `);
        await queryRunner.query(`CREATE TABLE "share_links" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "sharerMemberId" integer NOT NULL, "kind" varchar(10) NOT NULL, "targetId" integer, "liveSessionId" integer, "targetKey" varchar(40) NOT NULL, "channel" varchar(32) NOT NULL DEFAULT (''), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_share_links_sharer_target_channel" ON "share_links" ("sharerMemberId", "targetKey", "channel") `);
        await queryRunner.query(`CREATE TABLE "visitor_touches" ("visitorKey" varchar(80) PRIMARY KEY NOT NULL, "memberId" integer, "deviceId" varchar(64), "firstTouchAt" datetime NOT NULL, "firstShareLinkId" integer, "firstSharerMemberId" integer, "firstChannel" varchar(32), "firstLiveSessionId" integer, "lastTouchAt" datetime NOT NULL, "lastShareLinkId" integer, "lastSharerMemberId" integer, "lastChannel" varchar(32), "lastLiveSessionId" integer)`);
        await queryRunner.query(`CREATE INDEX "IDX_visitor_touches_member" ON "visitor_touches" ("memberId") `);
        await queryRunner.query(`ALTER TABLE "orders" ADD COLUMN "sourceSharerMemberId" integer`);
        for (const kind of ['openid', 'unionid', 'phone']) {
            await queryRunner.query(`INSERT OR IGNORE INTO "member_identities" ("kind", "value", "memberId") SELECT '${kind}', "${kind}", "id" FROM "members" WHERE "${kind}" IS NOT NULL AND "${kind}" <> '' ORDER BY "id"`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "sourceSharerMemberId"`);
        await queryRunner.query(`DROP INDEX "IDX_visitor_touches_member"`);
        await queryRunner.query(`DROP TABLE "visitor_touches"`);
        await queryRunner.query(`DROP INDEX "UQ_share_links_sharer_target_channel"`);
        await queryRunner.query(`DROP TABLE "share_links"`);
        await queryRunner.query(`DROP INDEX "UQ_member_identities_kind_value"`);
        await queryRunner.query(`DROP INDEX "IDX_member_identities_member"`);
        await queryRunner.query(`DROP TABLE "member_identities"`);
    }

}
