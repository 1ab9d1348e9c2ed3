import { MigrationInterface, QueryRunner } from "typeorm";

export class MemberLevelsAndPoints1795366973088 implements MigrationInterface {
    name = 'MemberLevelsAndPoints1795366973088'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`loyalty_settings\` (\`id\` int NOT NULL, \`levelWindowDays\` int NOT NULL, \`pointsEarnedPerYuan\` int NOT NULL, \`pointsPerYuan\` int NOT NULL, \`pointsMaxSharePercent\` int NOT NULL, \`pointsExpiryMonths\` int NOT NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`member_level_changes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`fromLevelId\` int NULL, \`fromLevelName\` varchar(20) NULL, \`toLevelId\` int NOT NULL, \`toLevelName\` varchar(20) NOT NULL, \`reason\` varchar(20) NOT NULL, \`netPaidFen\` int NOT NULL, \`changedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_member_level_changes_member\` (\`memberId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`member_level_reviews\` (\`memberId\` int NOT NULL, \`reviewAt\` datetime NULL, INDEX \`IDX_member_level_reviews_due\` (\`reviewAt\`), PRIMARY KEY (\`memberId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`member_levels\` (\`id\` int NOT NULL AUTO_INCREMENT, \`rank\` int NOT NULL, \`name\` varchar(20) NOT NULL, \`minPaidFen\` int NOT NULL, \`memberPricePercent\` int NOT NULL, \`freeShippingThresholdFen\` int NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_member_levels_rank\` (\`rank\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`points_ledger\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`delta\` int NOT NULL, \`balanceAfter\` int NOT NULL, \`reason\` varchar(30) NOT NULL, \`orderId\` int NULL, \`orderNo\` varchar(24) NULL, \`expiresAt\` datetime NULL, \`remaining\` int NOT NULL DEFAULT '0', \`openLotExpiresAt\` datetime NULL, \`note\` varchar(200) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_points_ledger_open_lot_expiry\` (\`openLotExpiresAt\`), INDEX \`IDX_points_ledger_member_open_lots\` (\`memberId\`, \`openLotExpiresAt\`), INDEX \`IDX_points_ledger_member\` (\`memberId\`, \`id\`), UNIQUE INDEX \`UQ_points_ledger_order_reason\` (\`orderId\`, \`reason\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`products\` ADD \`memberPriceEnabled\` tinyint NOT NULL DEFAULT 1`);
        // The default tiers, so a new shop has levels without a manual step: 普通会员, 银卡 from 1 000 元 (98%), 金卡 from 3 000 元 (95%, free shipping from 99 元), 黑金 from 10 000 元 (90%, free shipping always).
        await queryRunner.query(`INSERT INTO \`member_levels\` (\`rank\`, \`name\`, \`minPaidFen\`, \`memberPricePercent\`, \`freeShippingThresholdFen\`) VALUES (0, '普通会员', 0, 100, NULL), (1, '银卡', 100000, 98, NULL), (2, '金卡', 300000, 95, 9900), (3, '黑金', 1000000, 90, 0)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`products\` DROP COLUMN \`memberPriceEnabled\``);
        await queryRunner.query(`DROP INDEX \`UQ_points_ledger_order_reason\` ON \`points_ledger\``);
        await queryRunner.query(`DROP INDEX \`IDX_points_ledger_member\` ON \`points_ledger\``);
        await queryRunner.query(`DROP INDEX \`IDX_points_ledger_member_open_lots\` ON \`points_ledger\``);
        await queryRunner.query(`DROP INDEX \`IDX_points_ledger_open_lot_expiry\` ON \`points_ledger\``);
        await queryRunner.query(`DROP TABLE \`points_ledger\``);
        await queryRunner.query(`DROP INDEX \`UQ_member_levels_rank\` ON \`member_levels\``);
        await queryRunner.query(`DROP TABLE \`member_levels\``);
        await queryRunner.query(`DROP INDEX \`IDX_member_level_reviews_due\` ON \`member_level_reviews\``);
        await queryRunner.query(`DROP TABLE \`member_level_reviews\``);
        await queryRunner.query(`DROP INDEX \`IDX_member_level_changes_member\` ON \`member_level_changes\``);
        await queryRunner.query(`DROP TABLE \`member_level_changes\``);
        await queryRunner.query(`DROP TABLE \`loyalty_settings\``);
    }

}
