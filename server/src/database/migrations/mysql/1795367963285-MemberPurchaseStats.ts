import { MigrationInterface, QueryRunner } from "typeorm";

export class MemberPurchaseStats1795367963285 implements MigrationInterface {
    name = 'MemberPurchaseStats1795367963285'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`member_purchase_stats\` (\`memberId\` int NOT NULL, \`paidOrderCount\` int NOT NULL, \`totalNetPaidFen\` int NOT NULL, \`firstPaidAt\` datetime NOT NULL, \`firstToSecondDays\` int NULL, \`lastPaidAt\` datetime NOT NULL, \`expectedIntervalDays\` int NOT NULL, \`expectedNextBasis\` varchar(12) NOT NULL, \`expectedNextDate\` varchar(10) NOT NULL, \`computedAt\` datetime NOT NULL, INDEX \`IDX_member_purchase_stats_first_to_second\` (\`firstToSecondDays\`), INDEX \`IDX_member_purchase_stats_count_interval\` (\`paidOrderCount\`, \`expectedIntervalDays\`), INDEX \`IDX_member_purchase_stats_expected_next\` (\`expectedNextDate\`), PRIMARY KEY (\`memberId\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_member_purchase_stats_expected_next\` ON \`member_purchase_stats\``);
        await queryRunner.query(`DROP INDEX \`IDX_member_purchase_stats_count_interval\` ON \`member_purchase_stats\``);
        await queryRunner.query(`DROP INDEX \`IDX_member_purchase_stats_first_to_second\` ON \`member_purchase_stats\``);
        await queryRunner.query(`DROP TABLE \`member_purchase_stats\``);
    }

}
