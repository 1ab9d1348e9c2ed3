import { Controller, Get } from '@nestjs/common';
import type { ShopProfile } from '../../../shared';
import { CachedAnswer } from '../platform/cache/cached-answer';
import { AnswerTags } from '../platform/cache/cache-changes';
import { ShopProfileService } from './shop-profile.service';

@Controller('shop')
export class ShopProfileController {
  constructor(private readonly profile: ShopProfileService) {}

  @Get('profile')
  @CachedAnswer(() => [AnswerTags.shop])
  get(): Promise<ShopProfile> {
    return this.profile.getPublic();
  }
}
