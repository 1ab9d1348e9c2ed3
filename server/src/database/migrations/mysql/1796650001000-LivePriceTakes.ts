import { MigrationInterface, QueryRunner } from "typeorm";

export class LivePriceTakes1796650001000 implements MigrationInterface {
    name = 'LivePriceTakes1796650001000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`live_price_takes\` (\`orderId\` int NOT NULL, \`skuId\` int NOT NULL, \`sessionId\` int NOT NULL, \`quantity\` int NOT NULL, PRIMARY KEY (\`orderId\`, \`skuId\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`live_price_takes\``);
    }

}
