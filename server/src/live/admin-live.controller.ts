import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { LIVE_READ_ROLES, LIVE_ROLES, type LiveSession, type Paginated } from '../../../shared';
import { CurrentStaff, Roles } from '../platform/auth/staff-auth.guard';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import type { StaffRow } from '../staff/staff.entity';
import { LiveSessionDto, LiveSessionQueryDto } from './live-session.dto';
import { LiveSessionsService } from './live-sessions.service';

/** 直播管理 in the console: sessions, and the 开播 / 结束 / 取消 buttons. */
@Controller('admin/live/sessions')
export class AdminLiveController {
  constructor(private readonly sessions: LiveSessionsService) {}

  @Get()
  @Roles(...LIVE_READ_ROLES)
  list(@Query() query: LiveSessionQueryDto): Promise<Paginated<LiveSession>> {
    return this.sessions.list(query);
  }

  @Post()
  @Roles(...LIVE_ROLES)
  create(@Body() body: LiveSessionDto, @CurrentStaff() staff: StaffRow): Promise<LiveSession> {
    return this.sessions.create(body, staff.id);
  }

  @Get(':id')
  @Roles(...LIVE_READ_ROLES)
  get(@Param('id', ParseIdPipe) id: number): Promise<LiveSession> {
    return this.sessions.get(id);
  }

  @Put(':id')
  @Roles(...LIVE_ROLES)
  update(@Param('id', ParseIdPipe) id: number, @Body() body: LiveSessionDto): Promise<LiveSession> {
    return this.sessions.update(id, body);
  }

  @Post(':id/start')
  @Roles(...LIVE_ROLES)
  @HttpCode(200)
  start(@Param('id', ParseIdPipe) id: number): Promise<LiveSession> {
    return this.sessions.act(id, 'start');
  }

  @Post(':id/end')
  @Roles(...LIVE_ROLES)
  @HttpCode(200)
  end(@Param('id', ParseIdPipe) id: number): Promise<LiveSession> {
    return this.sessions.act(id, 'end');
  }

  @Post(':id/cancel')
  @Roles(...LIVE_ROLES)
  @HttpCode(200)
  cancel(@Param('id', ParseIdPipe) id: number): Promise<LiveSession> {
    return this.sessions.act(id, 'cancel');
  }
}
