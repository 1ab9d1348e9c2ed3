import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Attribution and identity: share links, first/last touches per visitor, member identities (backfilled from
 * the members' openid, unionid and phone; the oldest member keeps a value two members share), and the
 * order's sharer.
 */
export class AttributionAndIdentities1796557740163 implements MigrationInterface {
    name = 'AttributionAndIdentities1796557740163'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`member_identities\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(10) NOT NULL, \`value\` varchar(128) NOT NULL, \`memberId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_member_identities_member\` (\`memberId\`), UNIQUE INDEX \`UQ_member_identities_kind_value\` (\`kind\`, \`value\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`share_links\` (\`id\` int NOT NULL AUTO_INCREMENT, \`sharerMemberId\` int NOT NULL, \`kind\` varchar(10) NOT NULL, \`targetId\` int NULL, \`liveSessionId\` int NULL, \`targetKey\` varchar(40) NOT NULL, \`channel\` varchar(32) NOT NULL DEFAULT '', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_share_links_sharer_target_channel\` (\`sharerMemberId\`, \`targetKey\`, \`channel\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`visitor_touches\` (\`visitorKey\` varchar(80) NOT NULL, \`memberId\` int NULL, \`deviceId\` varchar(64) NULL, \`firstTouchAt\` datetime NOT NULL, \`firstShareLinkId\` int NULL, \`firstSharerMemberId\` int NULL, \`firstChannel\` varchar(32) NULL, \`firstLiveSessionId\` int NULL, \`lastTouchAt\` datetime NOT NULL, \`lastShareLinkId\` int NULL, \`lastSharerMemberId\` int NULL, \`lastChannel\` varchar(32) NULL, \`lastLiveSessionId\` int NULL, INDEX \`IDX_visitor_touches_member\` (\`memberId\`), PRIMARY KEY (\`visitorKey\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`sourceSharerMemberId\` int NULL`);
        for (const kind of ['openid', 'unionid', 'phone']) {
            await queryRunner.query(`INSERT IGNORE INTO \`member_identities\` (\`kind\`, \`value\`, \`memberId\`) SELECT '${kind}', \`${kind}\`, \`id\` FROM \`members\` WHERE \`${kind}\` IS NOT NULL AND \`${kind}\` <> '' ORDER BY \`id\``);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`sourceSharerMemberId\``);
        await queryRunner.query(`DROP INDEX \`IDX_visitor_touches_member\` ON \`visitor_touches\``);
        await queryRunner.query(`DROP TABLE \`visitor_touches\``);
        await queryRunner.query(`DROP INDEX \`UQ_share_links_sharer_target_channel\` ON \`share_links\``);
        await queryRunner.query(`DROP TABLE \`share_links\``);
        await queryRunner.query(`DROP INDEX \`UQ_member_identities_kind_value\` ON \`member_identities\``);
        await queryRunner.query(`DROP INDEX \`IDX_member_identities_member\` ON \`member_identities\``);
        await queryRunner.query(`DROP TABLE \`member_identities\``);
    }

}
