import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  LOYALTY_SETTINGS_ROLES,
  MEMBER_READ_ROLES,
  POINTS_ADJUST_ROLES,
  type AdminMemberLoyalty,
  type LoyaltySettings,
  type MemberLevel,
  type Paginated,
  type AdminPointsLedgerEntry,
} from '../../../shared';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { CurrentStaff, Roles } from '../platform/auth/staff-auth.guard';
import type { StaffRow } from '../staff/staff.entity';
import { LoyaltySettingsService } from './loyalty-settings.service';
import { AdjustPointsDto, LoyaltySettingsDto, SaveMemberLevelsDto } from './loyalty.dto';
import { MemberLevelsService } from './member-levels.service';
import { MembershipService } from './membership.service';
import { PointsService } from './points.service';

/** Console: level tiers, the points rule, and one member's level and points. */
@Controller('admin')
export class AdminLoyaltyController {
  constructor(
    private readonly levels: MemberLevelsService,
    private readonly settings: LoyaltySettingsService,
    private readonly membership: MembershipService,
    private readonly points: PointsService,
  ) {}

  @Get('member-levels')
  @Roles(...MEMBER_READ_ROLES)
  listLevels(): Promise<MemberLevel[]> {
    return this.levels.list();
  }

  @Put('member-levels')
  @Roles(...LOYALTY_SETTINGS_ROLES)
  saveLevels(@Body() body: SaveMemberLevelsDto): Promise<MemberLevel[]> {
    return this.levels.save(body.levels);
  }

  @Get('loyalty-settings')
  @Roles(...LOYALTY_SETTINGS_ROLES)
  getSettings(): Promise<LoyaltySettings> {
    return this.settings.get();
  }

  @Put('loyalty-settings')
  @Roles(...LOYALTY_SETTINGS_ROLES)
  async saveSettings(@Body() body: LoyaltySettingsDto): Promise<LoyaltySettings> {
    const { saved, previous } = await this.settings.save(body);
    if (saved.levelWindowDays !== previous.levelWindowDays) await this.levels.windowChanged();
    return saved;
  }

  @Get('members/:id/loyalty')
  @Roles(...MEMBER_READ_ROLES)
  memberLoyalty(@Param('id', ParseIdPipe) id: number): Promise<AdminMemberLoyalty> {
    return this.membership.forStaff(id);
  }

  @Get('members/:id/points')
  @Roles(...MEMBER_READ_ROLES)
  memberPoints(@Param('id', ParseIdPipe) id: number, @Query() query: PageQueryDto): Promise<Paginated<AdminPointsLedgerEntry>> {
    return this.points.ledgerForStaff(id, query);
  }

  @Post('members/:id/points-adjustments')
  @HttpCode(201)
  @Roles(...POINTS_ADJUST_ROLES)
  adjustPoints(@Param('id', ParseIdPipe) id: number, @Body() body: AdjustPointsDto, @CurrentStaff() staff: StaffRow): Promise<AdminPointsLedgerEntry> {
    return this.points.adjust(id, body.delta, body.reason, staff);
  }
}
