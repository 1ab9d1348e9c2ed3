import { MigrationInterface, QueryRunner } from "typeorm";

export class InviteRewards1796627300000 implements MigrationInterface {
    name = 'InviteRewards1796627300000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`referral_invite_order_inviters\` (\`orderId\` int NOT NULL, \`inviteeMemberId\` int NOT NULL, \`inviterMemberId\` int NOT NULL, \`boundAt\` datetime NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`orderId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`referral_invite_rewards\` (\`id\` int NOT NULL AUTO_INCREMENT, \`inviteeMemberId\` int NOT NULL, \`inviterMemberId\` int NOT NULL, \`orderId\` int NOT NULL, \`orderNo\` varchar(24) NOT NULL, \`invitedAt\` datetime NOT NULL, \`status\` varchar(10) NOT NULL, \`rewardKind\` varchar(10) NOT NULL, \`couponTemplateId\` int NULL, \`points\` int NULL, \`rewardText\` varchar(60) NOT NULL, \`memberCouponId\` int NULL, \`note\` varchar(100) NULL, \`grantedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_referral_invite_rewards_invitee\` (\`inviteeMemberId\`), INDEX \`IDX_referral_invite_rewards_status_order\` (\`status\`, \`orderId\`), INDEX \`IDX_referral_invite_rewards_inviter\` (\`inviterMemberId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`referral_invite_rules\` (\`id\` int NOT NULL, \`enabled\` tinyint NOT NULL DEFAULT 0, \`rewardKind\` varchar(10) NOT NULL DEFAULT 'coupon', \`couponTemplateId\` int NULL, \`points\` int NULL, \`ruleText\` varchar(300) NOT NULL DEFAULT '', \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`referral_invite_rules\``);
        await queryRunner.query(`DROP INDEX \`IDX_referral_invite_rewards_inviter\` ON \`referral_invite_rewards\``);
        await queryRunner.query(`DROP INDEX \`IDX_referral_invite_rewards_status_order\` ON \`referral_invite_rewards\``);
        await queryRunner.query(`DROP INDEX \`UQ_referral_invite_rewards_invitee\` ON \`referral_invite_rewards\``);
        await queryRunner.query(`DROP TABLE \`referral_invite_rewards\``);
        await queryRunner.query(`DROP TABLE \`referral_invite_order_inviters\``);
    }

}
