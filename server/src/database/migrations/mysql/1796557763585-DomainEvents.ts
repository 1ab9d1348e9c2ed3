import { MigrationInterface, QueryRunner } from "typeorm";

/** Domain events written with the change that causes them (an outbox) and each follower's delivery of them. */
export class DomainEvents1796557763585 implements MigrationInterface {
    name = 'DomainEvents1796557763585'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`domain_event_deliveries\` (\`eventId\` varchar(32) NOT NULL, \`follower\` varchar(64) NOT NULL, \`status\` varchar(8) NOT NULL DEFAULT 'pending', \`attempts\` int NOT NULL DEFAULT '0', \`lastError\` varchar(500) NULL, \`nextAttemptAt\` datetime NOT NULL, \`doneAt\` datetime NULL, INDEX \`IDX_domain_event_deliveries_due\` (\`status\`, \`nextAttemptAt\`), PRIMARY KEY (\`eventId\`, \`follower\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`domain_events\` (\`id\` varchar(32) NOT NULL, \`type\` varchar(64) NOT NULL, \`aggregateKey\` varchar(64) NOT NULL, \`memberId\` int NULL, \`payload\` text NOT NULL, \`createdAt\` datetime NOT NULL, INDEX \`IDX_domain_events_member\` (\`memberId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_domain_events_member\` ON \`domain_events\``);
        await queryRunner.query(`DROP TABLE \`domain_events\``);
        await queryRunner.query(`DROP INDEX \`IDX_domain_event_deliveries_due\` ON \`domain_event_deliveries\``);
        await queryRunner.query(`DROP TABLE \`domain_event_deliveries\``);
    }

}
