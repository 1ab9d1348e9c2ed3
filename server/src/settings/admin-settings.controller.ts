import { Body, Controller, Get, Put } from '@nestjs/common';
import { SHOP_SETTINGS_ROLES, type AdminShopProfile, type ShopSettings } from '../../../shared';
import { Roles } from '../platform/auth/staff-auth.guard';
import { ShopProfileDto } from './shop-profile.dto';
import { ShopProfileService } from './shop-profile.service';
import { ShopSettingsDto } from './shop-settings.dto';
import { ShopSettingsService } from './shop-settings.service';

@Controller('admin/settings')
@Roles(...SHOP_SETTINGS_ROLES)
export class AdminSettingsController {
  constructor(
    private readonly settings: ShopSettingsService,
    private readonly profile: ShopProfileService,
  ) {}

  @Get('shop')
  get(): Promise<ShopSettings> {
    return this.settings.get();
  }

  @Put('shop')
  save(@Body() body: ShopSettingsDto): Promise<ShopSettings> {
    return this.settings.save(body);
  }

  @Get('profile')
  getProfile(): Promise<AdminShopProfile> {
    return this.profile.get();
  }

  @Put('profile')
  saveProfile(@Body() body: ShopProfileDto): Promise<AdminShopProfile> {
    return this.profile.save(body);
  }
}
