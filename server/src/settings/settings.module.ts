import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { AdminSettingsController } from './admin-settings.controller';
import { ShopSettingsService } from './shop-settings.service';

/** The shop's order rules (shipping fee, timeouts), edited in the admin console. */
@Module({
  imports: [StaffModule],
  controllers: [AdminSettingsController],
  providers: [ShopSettingsService],
  exports: [ShopSettingsService],
})
export class SettingsModule {}
