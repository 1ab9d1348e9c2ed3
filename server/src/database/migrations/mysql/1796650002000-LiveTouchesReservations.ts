import { MigrationInterface, QueryRunner } from "typeorm";

export class LiveTouchesReservations1796650002000 implements MigrationInterface {
    name = 'LiveTouchesReservations1796650002000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`live_touches\` (\`id\` int NOT NULL AUTO_INCREMENT, \`sessionId\` int NOT NULL, \`kind\` varchar(10) NOT NULL, \`entry\` varchar(16) NULL, \`scene\` int NULL, \`deviceId\` varchar(64) NULL, \`memberId\` int NULL, \`sharerMemberId\` int NULL, \`withShareInfo\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_live_touches_device_created\` (\`deviceId\`, \`createdAt\`), INDEX \`IDX_live_touches_member_created\` (\`memberId\`, \`createdAt\`), INDEX \`IDX_live_touches_session_created\` (\`sessionId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`live_reservations\` (\`id\` int NOT NULL AUTO_INCREMENT, \`sessionId\` int NOT NULL, \`memberId\` int NOT NULL, \`reminderState\` varchar(10) NOT NULL, \`remindedAt\` datetime NULL, \`channelsReserved\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_live_reservations_session_reminder\` (\`sessionId\`, \`reminderState\`), UNIQUE INDEX \`UQ_live_reservations_session_member\` (\`sessionId\`, \`memberId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`live_settings\` (\`id\` int NOT NULL, \`attributionWindowHours\` int NOT NULL, \`reminderLeadMinutes\` int NOT NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`sourceLiveSessionId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`sourceLiveAttribution\` varchar(16) NULL`);
        await queryRunner.query(`CREATE INDEX \`IDX_orders_source_live_session\` ON \`orders\` (\`sourceLiveSessionId\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_orders_source_live_session\` ON \`orders\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`sourceLiveAttribution\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`sourceLiveSessionId\``);
        await queryRunner.query(`DROP TABLE \`live_settings\``);
        await queryRunner.query(`DROP INDEX \`UQ_live_reservations_session_member\` ON \`live_reservations\``);
        await queryRunner.query(`DROP INDEX \`IDX_live_reservations_session_reminder\` ON \`live_reservations\``);
        await queryRunner.query(`DROP TABLE \`live_reservations\``);
        await queryRunner.query(`DROP INDEX \`IDX_live_touches_session_created\` ON \`live_touches\``);
        await queryRunner.query(`DROP INDEX \`IDX_live_touches_member_created\` ON \`live_touches\``);
        await queryRunner.query(`DROP INDEX \`IDX_live_touches_device_created\` ON \`live_touches\``);
        await queryRunner.query(`DROP TABLE \`live_touches\``);
    }

}
