import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { AdminSettingsController } from './admin-settings.controller';
import { ShopProfileController } from './shop-profile.controller';
import { ShopProfileService } from './shop-profile.service';
import { ShopSettingsService } from './shop-settings.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ShopProfileRow } from './shop-profile.entity';
import { ShopSettingsRow } from './shop-settings.entity';

/** The shop's order rules (shipping fee, timeouts) and its profile (name, service, return address), edited in the admin console. */
@Module({
  imports: [TypeOrmModule.forFeature([ShopProfileRow, ShopSettingsRow]), StaffModule],
  controllers: [AdminSettingsController, ShopProfileController],
  providers: [ShopSettingsService, ShopProfileService],
  exports: [ShopSettingsService, ShopProfileService],
})
export class SettingsModule {}
