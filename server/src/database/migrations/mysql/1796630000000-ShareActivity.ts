import { MigrationInterface, QueryRunner } from "typeorm";

export class ShareActivity1796630000000 implements MigrationInterface {
    name = 'ShareActivity1796630000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`share_events\` (\`id\` int NOT NULL AUTO_INCREMENT, \`shareLinkId\` int NOT NULL, \`sharerMemberId\` int NOT NULL, \`channel\` varchar(10) NOT NULL, \`day\` varchar(10) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_share_events_day_sharer\` (\`day\`, \`sharerMemberId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`share_visits\` (\`shareLinkId\` int NOT NULL, \`visitorKey\` varchar(80) NOT NULL, \`day\` varchar(10) NOT NULL, \`sharerMemberId\` int NOT NULL, \`firstAt\` datetime NOT NULL, INDEX \`IDX_share_visits_day_sharer\` (\`day\`, \`sharerMemberId\`), PRIMARY KEY (\`shareLinkId\`, \`visitorKey\`, \`day\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_share_visits_day_sharer\` ON \`share_visits\``);
        await queryRunner.query(`DROP TABLE \`share_visits\``);
        await queryRunner.query(`DROP INDEX \`IDX_share_events_day_sharer\` ON \`share_events\``);
        await queryRunner.query(`DROP TABLE \`share_events\``);
    }

}
