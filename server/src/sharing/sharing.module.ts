import { Module } from '@nestjs/common';
import { AttributionModule } from '../attribution/attribution.module';
import { CatalogModule } from '../catalog/catalog.module';
import { GroupBuyModule } from '../group-buy/group-buy.module';
import { MembersModule } from '../members/members.module';
import { SettingsModule } from '../settings/settings.module';
import { PostersController } from './posters.controller';
import { PostersService } from './posters.service';

/** Sharing that needs the server's hands: posters with a mini-program code (share links live in attribution/). */
@Module({
  imports: [AttributionModule, CatalogModule, GroupBuyModule, MembersModule, SettingsModule],
  controllers: [PostersController],
  providers: [PostersService],
})
export class SharingModule {}
