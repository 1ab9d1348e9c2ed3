import { MigrationInterface, QueryRunner } from "typeorm";

/** Staff login attempts are counted per username and per username + client address (the old per-username failure counts are dropped). */
export class StaffLoginAttempts1796554682239 implements MigrationInterface {
    name = 'StaffLoginAttempts1796554682239'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`staff_login_throttles\``);
        await queryRunner.query(`CREATE TABLE \`staff_login_attempts\` (\`throttleKey\` varchar(191) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`windowStartedAt\` datetime NOT NULL, PRIMARY KEY (\`throttleKey\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`staff_login_attempts\``);
        await queryRunner.query(`CREATE TABLE \`staff_login_throttles\` (\`username\` varchar(64) NOT NULL, \`failures\` int NOT NULL DEFAULT '0', \`windowStartedAt\` datetime NOT NULL, PRIMARY KEY (\`username\`)) ENGINE=InnoDB`);
    }

}
