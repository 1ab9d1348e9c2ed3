import { MigrationInterface, QueryRunner } from "typeorm";

export class ShopProfile1796553703694 implements MigrationInterface {
    name = 'ShopProfile1796553703694'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`shop_profile\` (\`id\` int NOT NULL, \`shopName\` varchar(20) NOT NULL, \`logoUrl\` varchar(500) NULL, \`servicePhone\` varchar(20) NULL, \`serviceHours\` varchar(40) NULL, \`announcement\` varchar(200) NULL, \`returnRecipientName\` varchar(20) NULL, \`returnPhone\` varchar(20) NULL, \`returnAddress\` varchar(200) NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`shop_profile\``);
    }

}
