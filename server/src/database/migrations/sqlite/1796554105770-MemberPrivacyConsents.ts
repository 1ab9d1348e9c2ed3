import { MigrationInterface, QueryRunner } from "typeorm";

export class MemberPrivacyConsents1796554105770 implements MigrationInterface {
    name = 'MemberPrivacyConsents1796554105770'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "member_privacy_consents" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "memberId" integer NOT NULL, "version" varchar(32) NOT NULL, "acceptedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_member_privacy_consents_member_version" ON "member_privacy_consents" ("memberId", "version") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "UQ_member_privacy_consents_member_version"`);
        await queryRunner.query(`DROP TABLE "member_privacy_consents"`);
    }

}
