import { MigrationInterface, QueryRunner } from "typeorm";

export class Withdrawals1796631700000 implements MigrationInterface {
    name = 'Withdrawals1796631700000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "referral_withdrawals" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "memberId" integer NOT NULL, "amountFen" integer NOT NULL, "outBillNo" varchar(32) NOT NULL, "status" varchar(12) NOT NULL, "requestDay" varchar(10) NOT NULL, "wechatState" varchar(20), "transferBillNo" varchar(64), "packageInfo" varchar(1024), "failReason" varchar(64), "rejectReason" varchar(200), "lastError" varchar(200), "reviewedByStaffId" integer, "reviewedAt" datetime, "cancelledByStaffId" integer, "cancelRequestedAt" datetime, "billCreatedAt" datetime, "wechatCheckedAt" datetime, "finishedAt" datetime, "requestedAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_referral_withdrawals_out_bill_no" ON "referral_withdrawals" ("outBillNo") `);
        await queryRunner.query(`CREATE INDEX "IDX_referral_withdrawals_status" ON "referral_withdrawals" ("status", "wechatCheckedAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_referral_withdrawals_member_day" ON "referral_withdrawals" ("memberId", "requestDay") `);
        await queryRunner.query(`CREATE INDEX "IDX_referral_withdrawals_member" ON "referral_withdrawals" ("memberId", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_referral_withdrawals_member"`);
        await queryRunner.query(`DROP INDEX "IDX_referral_withdrawals_member_day"`);
        await queryRunner.query(`DROP INDEX "IDX_referral_withdrawals_status"`);
        await queryRunner.query(`DROP INDEX "UQ_referral_withdrawals_out_bill_no"`);
        await queryRunner.query(`DROP TABLE "referral_withdrawals"`);
    }

}
