import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { GROUP_BUY_ROLES } from '../../../shared';
import { Roles } from '../platform/auth/staff-auth.guard';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { GroupBuyEndingService } from './group-buy-ending.service';

/** 结束活动: staff end a campaign early; its open teams then complete or fail by the rule at once. */
@Controller('admin/group-buy/campaigns')
export class AdminGroupBuyEndController {
  constructor(private readonly ending: GroupBuyEndingService) {}

  @Post(':id/end')
  @Roles(...GROUP_BUY_ROLES)
  @HttpCode(204)
  async end(@Param('id', ParseIdPipe) id: number): Promise<void> {
    await this.ending.endCampaign(id);
  }
}
