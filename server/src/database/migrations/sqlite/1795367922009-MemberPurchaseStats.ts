import { MigrationInterface, QueryRunner } from "typeorm";

export class MemberPurchaseStats1795367922009 implements MigrationInterface {
    name = 'MemberPurchaseStats1795367922009'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "member_purchase_stats" ("memberId" integer PRIMARY KEY NOT NULL, "paidOrderCount" integer NOT NULL, "totalNetPaidFen" integer NOT NULL, "firstPaidAt" datetime NOT NULL, "firstToSecondDays" integer, "lastPaidAt" datetime NOT NULL, "expectedIntervalDays" integer NOT NULL, "expectedNextBasis" varchar(12) NOT NULL, "expectedNextDate" varchar(10) NOT NULL, "computedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_first_to_second" ON "member_purchase_stats" ("firstToSecondDays") `);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_count_interval" ON "member_purchase_stats" ("paidOrderCount", "expectedIntervalDays") `);
        await queryRunner.query(`CREATE INDEX "IDX_member_purchase_stats_expected_next" ON "member_purchase_stats" ("expectedNextDate") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_expected_next"`);
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_count_interval"`);
        await queryRunner.query(`DROP INDEX "IDX_member_purchase_stats_first_to_second"`);
        await queryRunner.query(`DROP TABLE "member_purchase_stats"`);
    }

}
