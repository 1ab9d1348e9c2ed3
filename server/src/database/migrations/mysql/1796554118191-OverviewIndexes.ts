import { MigrationInterface, QueryRunner } from "typeorm";

export class OverviewIndexes1796554118191 implements MigrationInterface {
    name = 'OverviewIndexes1796554118191'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX \`IDX_members_created_at\` ON \`members\` (\`createdAt\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_payments_created_at\` ON \`payments\` (\`createdAt\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_payments_created_at\` ON \`payments\``);
        await queryRunner.query(`DROP INDEX \`IDX_members_created_at\` ON \`members\``);
    }

}
