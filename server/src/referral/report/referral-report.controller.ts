import { Controller, Get, Query } from '@nestjs/common';
import { ANALYTICS_ROLES, type ReferralReport } from '../../../../shared';
import { Roles } from '../../platform/auth/staff-auth.guard';
import { CsvDownload } from '../../platform/http/csv-document';
import { ReferralReportQueryDto } from './referral-report.dto';
import { ReferralReportService } from './referral-report.service';

/** Console: 推广报表 (shares → visits → new members → first orders → GMV) and its per-sharer CSV. */
@Controller('admin/referral')
export class ReferralReportController {
  constructor(private readonly reports: ReferralReportService) {}

  @Get('report')
  @Roles(...ANALYTICS_ROLES)
  report(@Query() query: ReferralReportQueryDto): Promise<ReferralReport> {
    return this.reports.report(query);
  }

  @Get('report.csv')
  @Roles(...ANALYTICS_ROLES)
  @CsvDownload('referral-report.csv', '推广报表.csv')
  csv(@Query() query: ReferralReportQueryDto): Promise<string> {
    return this.reports.exportCsv(query);
  }
}
