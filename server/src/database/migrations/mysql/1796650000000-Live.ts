import { MigrationInterface, QueryRunner } from "typeorm";

export class Live1796650000000 implements MigrationInterface {
    name = 'Live1796650000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`live_sessions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`provider\` varchar(10) NOT NULL, \`title\` varchar(60) NOT NULL, \`coverUrl\` varchar(500) NULL, \`plannedStartAt\` datetime NOT NULL, \`plannedEndAt\` datetime NOT NULL, \`status\` varchar(10) NOT NULL, \`startedAt\` datetime NULL, \`endedAt\` datetime NULL, \`cancelledAt\` datetime NULL, \`finderUserName\` varchar(64) NULL, \`feedId\` varchar(128) NULL, \`noticeId\` varchar(128) NULL, \`roomId\` int NULL, \`providerStatusCode\` int NULL, \`providerStatusChangedAt\` datetime NULL, \`couponTemplateId\` int NULL, \`createdByStaffId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_live_sessions_status_start\` (\`status\`, \`plannedStartAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`live_session_products\` (\`sessionId\` int NOT NULL, \`productId\` int NOT NULL, \`position\` int NOT NULL, PRIMARY KEY (\`sessionId\`, \`productId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`live_session_prices\` (\`sessionId\` int NOT NULL, \`skuId\` int NOT NULL, \`productId\` int NOT NULL, \`livePriceFen\` int NOT NULL, \`unitQuota\` int NOT NULL DEFAULT '0', \`unitsTaken\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`sessionId\`, \`skuId\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`live_session_prices\``);
        await queryRunner.query(`DROP TABLE \`live_session_products\``);
        await queryRunner.query(`DROP INDEX \`IDX_live_sessions_status_start\` ON \`live_sessions\``);
        await queryRunner.query(`DROP TABLE \`live_sessions\``);
    }

}
