import { MigrationInterface, QueryRunner } from "typeorm";

export class PaidAndRefundedIndexes1795371567837 implements MigrationInterface {
    name = 'PaidAndRefundedIndexes1795371567837'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX \`IDX_orders_refunded_at\` ON \`orders\` (\`refundedAt\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_orders_paid_at\` ON \`orders\` (\`paidAt\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_refunds_status_succeeded\` ON \`refunds\` (\`status\`, \`succeededAt\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_refunds_status_succeeded\` ON \`refunds\``);
        await queryRunner.query(`DROP INDEX \`IDX_orders_paid_at\` ON \`orders\``);
        await queryRunner.query(`DROP INDEX \`IDX_orders_refunded_at\` ON \`orders\``);
    }

}
