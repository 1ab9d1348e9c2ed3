import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ANALYTICS_ROLES,
  MEMBER_READ_ROLES,
  REPURCHASE_OUTREACH_ROLES,
  type DueForRepurchaseRow,
  type MemberPurchaseStats,
  type Paginated,
  type RepeatPurchaseMetrics,
} from '../../../shared';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { CurrentStaff, Roles } from '../platform/auth/staff-auth.guard';
import type { StaffRow } from '../staff/staff.entity';
import { DueForRepurchaseQueryDto, RepeatPurchaseQueryDto } from './analytics.dto';
import { DueForRepurchaseService } from './due-for-repurchase.service';
import { MemberPurchaseStatsService } from './member-purchase-stats.service';
import { RepeatPurchaseService } from './repeat-purchase.service';
import { CsvDownload } from '../platform/http/csv-document';

/** Repeat purchase in the admin console: a member's purchase stats, the store metrics, the due list. */
@Controller('admin')
export class AdminAnalyticsController {
  constructor(
    private readonly stats: MemberPurchaseStatsService,
    private readonly repeatPurchase: RepeatPurchaseService,
    private readonly due: DueForRepurchaseService,
  ) {}

  @Get('members/:id/purchase-stats')
  @Roles(...MEMBER_READ_ROLES)
  memberStats(@Param('id', ParseIdPipe) id: number): Promise<MemberPurchaseStats> {
    return this.stats.forStaff(id);
  }

  @Get('analytics/repeat-purchase')
  @Roles(...ANALYTICS_ROLES)
  metrics(@Query() query: RepeatPurchaseQueryDto): Promise<RepeatPurchaseMetrics> {
    return this.repeatPurchase.metrics(query.from, query.to);
  }

  @Get('analytics/due-for-repurchase')
  @Roles(...REPURCHASE_OUTREACH_ROLES)
  dueList(@Query() query: DueForRepurchaseQueryDto, @CurrentStaff() staff: StaffRow): Promise<Paginated<DueForRepurchaseRow>> {
    return this.due.list(query, staff.role);
  }

  @Get('analytics/due-for-repurchase.csv')
  @Roles(...REPURCHASE_OUTREACH_ROLES)
  @CsvDownload('due-for-repurchase.csv', '待复购会员.csv')
  dueCsv(@Query() query: DueForRepurchaseQueryDto, @CurrentStaff() staff: StaffRow): Promise<string> {
    return this.due.exportCsv(query, staff.role);
  }
}
