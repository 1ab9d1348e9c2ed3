import { Controller, Get, Param, Query } from '@nestjs/common';
import { LIVE_READ_ROLES, type LiveReportPage, type LiveSessionReport } from '../../../shared';
import { Roles } from '../platform/auth/staff-auth.guard';
import { CsvDownload } from '../platform/http/csv-document';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { LiveReportQueryDto } from './live-report.dto';
import { LiveReportService } from './live-report.service';

/** 直播报表 in the console: the sessions' figures, one session's report, and the CSV export. */
@Controller('admin/live')
export class AdminLiveReportController {
  constructor(private readonly report: LiveReportService) {}

  @Get('report')
  @Roles(...LIVE_READ_ROLES)
  list(@Query() query: LiveReportQueryDto): Promise<LiveReportPage> {
    return this.report.list(query);
  }

  @Get('report.csv')
  @Roles(...LIVE_READ_ROLES)
  @CsvDownload('live-report.csv', '直播报表.csv')
  csv(@Query() query: LiveReportQueryDto): Promise<string> {
    return this.report.csv(query);
  }

  @Get('sessions/:id/report')
  @Roles(...LIVE_READ_ROLES)
  session(@Param('id', ParseIdPipe) id: number): Promise<LiveSessionReport> {
    return this.report.session(id);
  }
}
