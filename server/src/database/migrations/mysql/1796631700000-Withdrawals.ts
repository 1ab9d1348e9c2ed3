import { MigrationInterface, QueryRunner } from "typeorm";

export class Withdrawals1796631700000 implements MigrationInterface {
    name = 'Withdrawals1796631700000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`referral_withdrawals\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`amountFen\` int NOT NULL, \`outBillNo\` varchar(32) NOT NULL, \`status\` varchar(12) NOT NULL, \`requestDay\` varchar(10) NOT NULL, \`wechatState\` varchar(20) NULL, \`transferBillNo\` varchar(64) NULL, \`packageInfo\` varchar(1024) NULL, \`failReason\` varchar(64) NULL, \`rejectReason\` varchar(200) NULL, \`lastError\` varchar(200) NULL, \`reviewedByStaffId\` int NULL, \`reviewedAt\` datetime NULL, \`cancelledByStaffId\` int NULL, \`cancelRequestedAt\` datetime NULL, \`billCreatedAt\` datetime NULL, \`wechatCheckedAt\` datetime NULL, \`finishedAt\` datetime NULL, \`requestedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_referral_withdrawals_out_bill_no\` (\`outBillNo\`), INDEX \`IDX_referral_withdrawals_status\` (\`status\`, \`wechatCheckedAt\`), INDEX \`IDX_referral_withdrawals_member_day\` (\`memberId\`, \`requestDay\`), INDEX \`IDX_referral_withdrawals_member\` (\`memberId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_referral_withdrawals_member\` ON \`referral_withdrawals\``);
        await queryRunner.query(`DROP INDEX \`IDX_referral_withdrawals_member_day\` ON \`referral_withdrawals\``);
        await queryRunner.query(`DROP INDEX \`IDX_referral_withdrawals_status\` ON \`referral_withdrawals\``);
        await queryRunner.query(`DROP INDEX \`UQ_referral_withdrawals_out_bill_no\` ON \`referral_withdrawals\``);
        await queryRunner.query(`DROP TABLE \`referral_withdrawals\``);
    }

}
