import { MigrationInterface, QueryRunner } from "typeorm";

/** The periodic jobs' shared row: the lease of the jobs that call WeChat and each job's last run, for 任务. */
export class Jobs1796557678987 implements MigrationInterface {
    name = 'Jobs1796557678987'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "jobs" ("name" varchar(64) PRIMARY KEY NOT NULL, "leaseHolder" varchar(96), "leaseUntil" datetime, "lastRunAt" datetime, "lastRunBy" varchar(96), "lastDurationMs" integer, "lastRowsChanged" integer, "lastError" varchar(500), "lastErrorAt" datetime)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "jobs"`);
    }

}
