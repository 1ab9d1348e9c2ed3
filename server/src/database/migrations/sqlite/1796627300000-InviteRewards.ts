import { MigrationInterface, QueryRunner } from "typeorm";

export class InviteRewards1796627300000 implements MigrationInterface {
    name = 'InviteRewards1796627300000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "referral_invite_order_inviters" ("orderId" integer PRIMARY KEY NOT NULL, "inviteeMemberId" integer NOT NULL, "inviterMemberId" integer NOT NULL, "boundAt" datetime NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE TABLE "referral_invite_rewards" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "inviteeMemberId" integer NOT NULL, "inviterMemberId" integer NOT NULL, "orderId" integer NOT NULL, "orderNo" varchar(24) NOT NULL, "invitedAt" datetime NOT NULL, "status" varchar(10) NOT NULL, "rewardKind" varchar(10) NOT NULL, "couponTemplateId" integer, "points" integer, "rewardText" varchar(60) NOT NULL, "memberCouponId" integer, "note" varchar(100), "grantedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_referral_invite_rewards_invitee" ON "referral_invite_rewards" ("inviteeMemberId") `);
        await queryRunner.query(`CREATE INDEX "IDX_referral_invite_rewards_status_order" ON "referral_invite_rewards" ("status", "orderId") `);
        await queryRunner.query(`CREATE INDEX "IDX_referral_invite_rewards_inviter" ON "referral_invite_rewards" ("inviterMemberId", "id") `);
        await queryRunner.query(`CREATE TABLE "referral_invite_rules" ("id" integer PRIMARY KEY NOT NULL, "enabled" boolean NOT NULL DEFAULT (0), "rewardKind" varchar(10) NOT NULL DEFAULT ('coupon'), "couponTemplateId" integer, "points" integer, "ruleText" varchar(300) NOT NULL DEFAULT (''), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "referral_invite_rules"`);
        await queryRunner.query(`DROP INDEX "IDX_referral_invite_rewards_inviter"`);
        await queryRunner.query(`DROP INDEX "IDX_referral_invite_rewards_status_order"`);
        await queryRunner.query(`DROP INDEX "UQ_referral_invite_rewards_invitee"`);
        await queryRunner.query(`DROP TABLE "referral_invite_rewards"`);
        await queryRunner.query(`DROP TABLE "referral_invite_order_inviters"`);
    }

}
