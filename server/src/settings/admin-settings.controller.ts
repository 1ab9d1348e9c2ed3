import { Body, Controller, Get, Put } from '@nestjs/common';
import { SHOP_SETTINGS_ROLES, type ShopSettings } from '../../../shared';
import { Roles } from '../staff/staff-auth.guard';
import { ShopSettingsDto } from './shop-settings.dto';
import { ShopSettingsService } from './shop-settings.service';

@Controller('admin/settings')
@Roles(...SHOP_SETTINGS_ROLES)
export class AdminSettingsController {
  constructor(private readonly settings: ShopSettingsService) {}

  @Get('shop')
  get(): Promise<ShopSettings> {
    return this.settings.get();
  }

  @Put('shop')
  save(@Body() body: ShopSettingsDto): Promise<ShopSettings> {
    return this.settings.save(body);
  }
}
