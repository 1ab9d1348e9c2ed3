import { MigrationInterface, QueryRunner } from "typeorm";

export class GroupBuy1796640000000 implements MigrationInterface {
    name = 'GroupBuy1796640000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`group_buy_campaigns\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(40) NOT NULL, \`productId\` int NOT NULL, \`teamSize\` int NOT NULL, \`validityHours\` int NOT NULL, \`startsAt\` datetime NOT NULL, \`endsAt\` datetime NOT NULL, \`endedAt\` datetime NULL, \`memberTeamLimit\` int NOT NULL DEFAULT '0', \`memberUnitLimit\` int NOT NULL DEFAULT '0', \`unitQuota\` int NOT NULL DEFAULT '0', \`unitsTaken\` int NOT NULL DEFAULT '0', \`allowCoupons\` tinyint NOT NULL DEFAULT 0, \`allowPoints\` tinyint NOT NULL DEFAULT 0, \`virtualCompletion\` tinyint NOT NULL DEFAULT 0, \`virtualThresholdPercent\` int NULL, \`rulesText\` varchar(1000) NOT NULL DEFAULT '', \`createdByStaffId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_group_buy_campaigns_window\` (\`endsAt\`, \`startsAt\`), INDEX \`IDX_group_buy_campaigns_product\` (\`productId\`, \`endsAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`group_buy_campaign_skus\` (\`campaignId\` int NOT NULL, \`skuId\` int NOT NULL, \`groupPriceFen\` int NOT NULL, \`leaderPriceFen\` int NULL, PRIMARY KEY (\`campaignId\`, \`skuId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`group_buy_teams\` (\`id\` int NOT NULL AUTO_INCREMENT, \`campaignId\` int NOT NULL, \`productId\` int NOT NULL, \`leaderMemberId\` int NOT NULL, \`teamSize\` int NOT NULL, \`seatsTaken\` int NOT NULL DEFAULT '0', \`seatsPaid\` int NOT NULL DEFAULT '0', \`virtualSeats\` int NOT NULL DEFAULT '0', \`status\` varchar(12) NOT NULL, \`expiresAt\` datetime NULL, \`succeededAt\` datetime NULL, \`failedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_group_buy_teams_status_expiry\` (\`status\`, \`expiresAt\`), INDEX \`IDX_group_buy_teams_campaign_status\` (\`campaignId\`, \`status\`, \`expiresAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`group_buy_seats\` (\`id\` int NOT NULL AUTO_INCREMENT, \`teamId\` int NOT NULL, \`campaignId\` int NOT NULL, \`memberId\` int NOT NULL, \`activeMemberId\` int NULL, \`orderId\` int NOT NULL, \`isLeader\` tinyint NOT NULL DEFAULT 0, \`quantity\` int NOT NULL, \`status\` varchar(10) NOT NULL, \`inviterMemberId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`paidAt\` datetime NULL, \`endedAt\` datetime NULL, UNIQUE INDEX \`UQ_group_buy_seats_order\` (\`orderId\`), INDEX \`IDX_group_buy_seats_member\` (\`memberId\`, \`id\`), INDEX \`IDX_group_buy_seats_team\` (\`teamId\`, \`status\`), UNIQUE INDEX \`UQ_group_buy_seats_team_active_member\` (\`teamId\`, \`activeMemberId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`group_buy_member_usage\` (\`campaignId\` int NOT NULL, \`memberId\` int NOT NULL, \`teams\` int NOT NULL DEFAULT '0', \`units\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`campaignId\`, \`memberId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`fulfilmentHold\` varchar(20) NULL`);
        await queryRunner.query(`CREATE INDEX \`IDX_orders_group_buy_team\` ON \`orders\` (\`groupBuyTeamId\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_orders_group_buy_team\` ON \`orders\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`fulfilmentHold\``);
        await queryRunner.query(`DROP TABLE \`group_buy_member_usage\``);
        await queryRunner.query(`DROP INDEX \`UQ_group_buy_seats_team_active_member\` ON \`group_buy_seats\``);
        await queryRunner.query(`DROP INDEX \`IDX_group_buy_seats_team\` ON \`group_buy_seats\``);
        await queryRunner.query(`DROP INDEX \`IDX_group_buy_seats_member\` ON \`group_buy_seats\``);
        await queryRunner.query(`DROP INDEX \`UQ_group_buy_seats_order\` ON \`group_buy_seats\``);
        await queryRunner.query(`DROP TABLE \`group_buy_seats\``);
        await queryRunner.query(`DROP INDEX \`IDX_group_buy_teams_campaign_status\` ON \`group_buy_teams\``);
        await queryRunner.query(`DROP INDEX \`IDX_group_buy_teams_status_expiry\` ON \`group_buy_teams\``);
        await queryRunner.query(`DROP TABLE \`group_buy_teams\``);
        await queryRunner.query(`DROP TABLE \`group_buy_campaign_skus\``);
        await queryRunner.query(`DROP INDEX \`IDX_group_buy_campaigns_product\` ON \`group_buy_campaigns\``);
        await queryRunner.query(`DROP INDEX \`IDX_group_buy_campaigns_window\` ON \`group_buy_campaigns\``);
        await queryRunner.query(`DROP TABLE \`group_buy_campaigns\``);
    }

}
