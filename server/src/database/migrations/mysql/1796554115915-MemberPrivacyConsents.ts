import { MigrationInterface, QueryRunner } from "typeorm";

export class MemberPrivacyConsents1796554115915 implements MigrationInterface {
    name = 'MemberPrivacyConsents1796554115915'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`member_privacy_consents\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`version\` varchar(32) NOT NULL, \`acceptedAt\` datetime NOT NULL, UNIQUE INDEX \`UQ_member_privacy_consents_member_version\` (\`memberId\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`UQ_member_privacy_consents_member_version\` ON \`member_privacy_consents\``);
        await queryRunner.query(`DROP TABLE \`member_privacy_consents\``);
    }

}
