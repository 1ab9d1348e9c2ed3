import { Body, Controller, Get, Put } from '@nestjs/common';
import { LIVE_READ_ROLES, LIVE_ROLES, type LiveSettings } from '../../../shared';
import { Roles } from '../platform/auth/staff-auth.guard';
import { LiveSettingsDto } from './live-settings.dto';
import { LiveSettingsService } from './live-settings.service';

/** 直播设置 in the console: the attribution window and the reminder lead. */
@Controller('admin/live/settings')
export class LiveSettingsController {
  constructor(private readonly settings: LiveSettingsService) {}

  @Get()
  @Roles(...LIVE_READ_ROLES)
  get(): Promise<LiveSettings> {
    return this.settings.get();
  }

  @Put()
  @Roles(...LIVE_ROLES)
  save(@Body() body: LiveSettingsDto): Promise<LiveSettings> {
    return this.settings.save(body);
  }
}
