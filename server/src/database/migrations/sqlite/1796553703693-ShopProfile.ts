import { MigrationInterface, QueryRunner } from "typeorm";

export class ShopProfile1796553703693 implements MigrationInterface {
    name = 'ShopProfile1796553703693'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "shop_profile" ("id" integer PRIMARY KEY NOT NULL, "shopName" varchar(20) NOT NULL, "logoUrl" varchar(500), "servicePhone" varchar(20), "serviceHours" varchar(40), "announcement" varchar(200), "returnRecipientName" varchar(20), "returnPhone" varchar(20), "returnAddress" varchar(200), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "shop_profile"`);
    }

}
