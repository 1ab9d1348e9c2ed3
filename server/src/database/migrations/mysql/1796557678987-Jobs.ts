import { MigrationInterface, QueryRunner } from "typeorm";

/** The periodic jobs' shared row: the lease of the jobs that call WeChat and each job's last run, for 任务. */
export class Jobs1796557678987 implements MigrationInterface {
    name = 'Jobs1796557678987'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`jobs\` (\`name\` varchar(64) NOT NULL, \`leaseHolder\` varchar(96) NULL, \`leaseUntil\` datetime NULL, \`lastRunAt\` datetime NULL, \`lastRunBy\` varchar(96) NULL, \`lastDurationMs\` int NULL, \`lastRowsChanged\` int NULL, \`lastError\` varchar(500) NULL, \`lastErrorAt\` datetime NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`jobs\``);
    }

}
