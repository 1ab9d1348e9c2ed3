import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCoupons1795366977852 implements MigrationInterface {
    name = 'AddCoupons1795366977852'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`coupon_templates\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(30) NOT NULL, \`type\` varchar(20) NOT NULL, \`thresholdFen\` int NOT NULL DEFAULT '0', \`amountOffFen\` int NULL, \`payPercent\` int NULL, \`maxDiscountFen\` int NULL, \`scope\` varchar(20) NOT NULL, \`scopeIds\` text NOT NULL, \`validityKind\` varchar(20) NOT NULL, \`validFrom\` datetime NULL, \`validTo\` datetime NULL, \`validDays\` int NULL, \`totalQuantity\` int NOT NULL, \`perMemberLimit\` int NOT NULL, \`channel\` varchar(20) NOT NULL, \`status\` varchar(20) NOT NULL DEFAULT 'active', \`claimedCount\` int NOT NULL DEFAULT '0', \`usedCount\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_coupon_templates_status_channel\` (\`status\`, \`channel\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`member_coupon_counts\` (\`memberId\` int NOT NULL, \`templateId\` int NOT NULL, \`receivedCount\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`memberId\`, \`templateId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`member_coupons\` (\`id\` int NOT NULL AUTO_INCREMENT, \`templateId\` int NOT NULL, \`memberId\` int NOT NULL, \`source\` varchar(20) NOT NULL, \`validFrom\` datetime NOT NULL, \`validTo\` datetime NOT NULL, \`status\` varchar(20) NOT NULL DEFAULT 'unused', \`orderId\` int NULL, \`usedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_member_coupons_order\` (\`orderId\`), INDEX \`IDX_member_coupons_template_status\` (\`templateId\`, \`status\`), INDEX \`IDX_member_coupons_member_status_valid_to\` (\`memberId\`, \`status\`, \`validTo\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_member_coupons_member_status_valid_to\` ON \`member_coupons\``);
        await queryRunner.query(`DROP INDEX \`IDX_member_coupons_template_status\` ON \`member_coupons\``);
        await queryRunner.query(`DROP INDEX \`IDX_member_coupons_order\` ON \`member_coupons\``);
        await queryRunner.query(`DROP TABLE \`member_coupons\``);
        await queryRunner.query(`DROP TABLE \`member_coupon_counts\``);
        await queryRunner.query(`DROP INDEX \`IDX_coupon_templates_status_channel\` ON \`coupon_templates\``);
        await queryRunner.query(`DROP TABLE \`coupon_templates\``);
    }

}
