import { MigrationInterface, QueryRunner } from "typeorm";

export class LivePriceTakes1796650001000 implements MigrationInterface {
    name = 'LivePriceTakes1796650001000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "live_price_takes" ("orderId" integer NOT NULL, "skuId" integer NOT NULL, "sessionId" integer NOT NULL, "quantity" integer NOT NULL, PRIMARY KEY ("orderId", "skuId"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "live_price_takes"`);
    }
}
