import { Controller, Get, Query } from '@nestjs/common';
import { OVERVIEW_ROLES, type OverviewTodos, type StoreOverview } from '../../../../shared';
import { Roles } from '../../platform/auth/staff-auth.guard';
import { OverviewQueryDto } from './overview.dto';
import { StoreOverviewService } from './store-overview.service';

/** 经营概览 of the admin console: the figures of a period against the one before, the trend, the to-dos. */
@Controller('admin/overview')
@Roles(...OVERVIEW_ROLES)
export class OverviewController {
  constructor(private readonly overview: StoreOverviewService) {}

  @Get()
  figures(@Query() query: OverviewQueryDto): Promise<StoreOverview> {
    return this.overview.overview(query.period);
  }

  @Get('todos')
  todos(): Promise<OverviewTodos> {
    return this.overview.todos();
  }
}
