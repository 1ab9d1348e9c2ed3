import { MigrationInterface, QueryRunner } from "typeorm";

export class MemberLoyaltyAndOrderCoupon1795366489937 implements MigrationInterface {
    name = 'MemberLoyaltyAndOrderCoupon1795366489937'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`members\` ADD \`levelId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`members\` ADD \`pointsBalance\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`memberCouponId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`couponTemplateId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`orders\` ADD \`pointsUsed\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`CREATE INDEX \`IDX_members_level\` ON \`members\` (\`levelId\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_orders_member_coupon\` ON \`orders\` (\`memberCouponId\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_orders_coupon_template\` ON \`orders\` (\`couponTemplateId\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_orders_coupon_template\` ON \`orders\``);
        await queryRunner.query(`DROP INDEX \`IDX_orders_member_coupon\` ON \`orders\``);
        await queryRunner.query(`DROP INDEX \`IDX_members_level\` ON \`members\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`pointsUsed\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`couponTemplateId\``);
        await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`memberCouponId\``);
        await queryRunner.query(`ALTER TABLE \`members\` DROP COLUMN \`pointsBalance\``);
        await queryRunner.query(`ALTER TABLE \`members\` DROP COLUMN \`levelId\``);
    }

}
