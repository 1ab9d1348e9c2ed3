import { Controller, Get } from '@nestjs/common';
import type { ShopProfile } from '../../../shared';
import { ShopProfileService } from './shop-profile.service';

@Controller('shop')
export class ShopProfileController {
  constructor(private readonly profile: ShopProfileService) {}

  @Get('profile')
  get(): Promise<ShopProfile> {
    return this.profile.getPublic();
  }
}
