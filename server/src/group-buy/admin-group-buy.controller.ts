import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { GROUP_BUY_READ_ROLES, GROUP_BUY_ROLES, type GroupBuyAdminTeam, type GroupBuyCampaign, type Paginated } from '../../../shared';
import { CurrentStaff, Roles } from '../platform/auth/staff-auth.guard';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import type { StaffRow } from '../staff/staff.entity';
import { GroupBuyCampaignsService } from './group-buy-campaigns.service';
import { GroupBuyCampaignDto, GroupBuyCampaignQueryDto, GroupBuyTeamQueryDto } from './group-buy.dto';

/** 拼团活动 in the console: campaigns with their statistics, and each campaign's teams. */
@Controller('admin/group-buy/campaigns')
export class AdminGroupBuyController {
  constructor(private readonly campaigns: GroupBuyCampaignsService) {}

  @Get()
  @Roles(...GROUP_BUY_READ_ROLES)
  list(@Query() query: GroupBuyCampaignQueryDto): Promise<Paginated<GroupBuyCampaign>> {
    return this.campaigns.list(query);
  }

  @Post()
  @Roles(...GROUP_BUY_ROLES)
  create(@Body() body: GroupBuyCampaignDto, @CurrentStaff() staff: StaffRow): Promise<GroupBuyCampaign> {
    return this.campaigns.create(body, staff.id);
  }

  @Get(':id')
  @Roles(...GROUP_BUY_READ_ROLES)
  get(@Param('id', ParseIdPipe) id: number): Promise<GroupBuyCampaign> {
    return this.campaigns.get(id);
  }

  @Put(':id')
  @Roles(...GROUP_BUY_ROLES)
  update(@Param('id', ParseIdPipe) id: number, @Body() body: GroupBuyCampaignDto): Promise<GroupBuyCampaign> {
    return this.campaigns.update(id, body);
  }

  @Get(':id/teams')
  @Roles(...GROUP_BUY_READ_ROLES)
  teams(@Param('id', ParseIdPipe) id: number, @Query() query: GroupBuyTeamQueryDto): Promise<Paginated<GroupBuyAdminTeam>> {
    return this.campaigns.teams(id, query);
  }
}
