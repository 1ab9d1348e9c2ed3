import { MigrationInterface, QueryRunner } from "typeorm";

export class GroupBuy1796640000000 implements MigrationInterface {
    name = 'GroupBuy1796640000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "group_buy_campaigns" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(40) NOT NULL, "productId" integer NOT NULL, "teamSize" integer NOT NULL, "validityHours" integer NOT NULL, "startsAt" datetime NOT NULL, "endsAt" datetime NOT NULL, "endedAt" datetime, "memberTeamLimit" integer NOT NULL DEFAULT (0), "memberUnitLimit" integer NOT NULL DEFAULT (0), "unitQuota" integer NOT NULL DEFAULT (0), "unitsTaken" integer NOT NULL DEFAULT (0), "allowCoupons" boolean NOT NULL DEFAULT (0), "allowPoints" boolean NOT NULL DEFAULT (0), "virtualCompletion" boolean NOT NULL DEFAULT (0), "virtualThresholdPercent" integer, "rulesText" varchar(1000) NOT NULL DEFAULT (''), "createdByStaffId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_group_buy_campaigns_window" ON "group_buy_campaigns" ("endsAt", "startsAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_group_buy_campaigns_product" ON "group_buy_campaigns" ("productId", "endsAt") `);
        await queryRunner.query(`CREATE TABLE "group_buy_campaign_skus" ("campaignId" integer NOT NULL, "skuId" integer NOT NULL, "groupPriceFen" integer NOT NULL, "leaderPriceFen" integer, PRIMARY KEY ("campaignId", "skuId"))`);
        await queryRunner.query(`CREATE TABLE "group_buy_teams" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "campaignId" integer NOT NULL, "productId" integer NOT NULL, "leaderMemberId" integer NOT NULL, "teamSize" integer NOT NULL, "seatsTaken" integer NOT NULL DEFAULT (0), "seatsPaid" integer NOT NULL DEFAULT (0), "virtualSeats" integer NOT NULL DEFAULT (0), "status" varchar(12) NOT NULL, "expiresAt" datetime, "succeededAt" datetime, "failedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_group_buy_teams_status_expiry" ON "group_buy_teams" ("status", "expiresAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_group_buy_teams_campaign_status" ON "group_buy_teams" ("campaignId", "status", "expiresAt") `);
        await queryRunner.query(`CREATE TABLE "group_buy_seats" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "teamId" integer NOT NULL, "campaignId" integer NOT NULL, "memberId" integer NOT NULL, "activeMemberId" integer, "orderId" integer NOT NULL, "isLeader" boolean NOT NULL DEFAULT (0), "quantity" integer NOT NULL, "status" varchar(10) NOT NULL, "inviterMemberId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "paidAt" datetime, "endedAt" datetime)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_group_buy_seats_order" ON "group_buy_seats" ("orderId") `);
        await queryRunner.query(`CREATE INDEX "IDX_group_buy_seats_member" ON "group_buy_seats" ("memberId", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_group_buy_seats_team" ON "group_buy_seats" ("teamId", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_group_buy_seats_team_active_member" ON "group_buy_seats" ("teamId", "activeMemberId") `);
        await queryRunner.query(`CREATE TABLE "group_buy_member_usage" ("campaignId" integer NOT NULL, "memberId" integer NOT NULL, "teams" integer NOT NULL DEFAULT (0), "units" integer NOT NULL DEFAULT (0), PRIMARY KEY ("campaignId", "memberId"))`);
        // A nullable column and an index: added in place, without rebuilding the orders table.
        await queryRunner.query(`ALTER TABLE "orders" ADD COLUMN "fulfilmentHold" varchar(20)`);
        await queryRunner.query(`CREATE INDEX "IDX_orders_group_buy_team" ON "orders" ("groupBuyTeamId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_orders_group_buy_team"`);
        await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "fulfilmentHold"`);
        await queryRunner.query(`DROP TABLE "group_buy_member_usage"`);
        await queryRunner.query(`DROP TABLE "group_buy_seats"`);
        await queryRunner.query(`DROP TABLE "group_buy_teams"`);
        await queryRunner.query(`DROP TABLE "group_buy_campaign_skus"`);
        await queryRunner.query(`DROP TABLE "group_buy_campaigns"`);
    }
}
