import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCoupons1795366936481 implements MigrationInterface {
    name = 'AddCoupons1795366936481'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "coupon_templates" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(30) NOT NULL, "type" varchar(20) NOT NULL, "thresholdFen" integer NOT NULL DEFAULT (0), "amountOffFen" integer, "payPercent" integer, "maxDiscountFen" integer, "scope" varchar(20) NOT NULL, "scopeIds" text NOT NULL, "validityKind" varchar(20) NOT NULL, "validFrom" datetime, "validTo" datetime, "validDays" integer, "totalQuantity" integer NOT NULL, "perMemberLimit" integer NOT NULL, "channel" varchar(20) NOT NULL, "status" varchar(20) NOT NULL DEFAULT ('active'), "claimedCount" integer NOT NULL DEFAULT (0), "usedCount" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_coupon_templates_status_channel" ON "coupon_templates" ("status", "channel") `);
        await queryRunner.query(`CREATE TABLE "member_coupon_counts" ("memberId" integer NOT NULL, "templateId" integer NOT NULL, "receivedCount" integer NOT NULL DEFAULT (0), PRIMARY KEY ("memberId", "templateId"))`);
        await queryRunner.query(`CREATE TABLE "member_coupons" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "templateId" integer NOT NULL, "memberId" integer NOT NULL, "source" varchar(20) NOT NULL, "validFrom" datetime NOT NULL, "validTo" datetime NOT NULL, "status" varchar(20) NOT NULL DEFAULT ('unused'), "orderId" integer, "usedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_member_coupons_order" ON "member_coupons" ("orderId") `);
        await queryRunner.query(`CREATE INDEX "IDX_member_coupons_template_status" ON "member_coupons" ("templateId", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_member_coupons_member_status_valid_to" ON "member_coupons" ("memberId", "status", "validTo") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_member_coupons_member_status_valid_to"`);
        await queryRunner.query(`DROP INDEX "IDX_member_coupons_template_status"`);
        await queryRunner.query(`DROP INDEX "IDX_member_coupons_order"`);
        await queryRunner.query(`DROP TABLE "member_coupons"`);
        await queryRunner.query(`DROP TABLE "member_coupon_counts"`);
        await queryRunner.query(`DROP INDEX "IDX_coupon_templates_status_channel"`);
        await queryRunner.query(`DROP TABLE "coupon_templates"`);
    }

}
