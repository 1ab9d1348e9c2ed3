import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ALL_STAFF_ROLES,
  STAFF_ADMIN_ROLES,
  type Paginated,
  type StaffLoginResponse,
  type StaffProfile,
} from '../../../shared';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { CreateStaffDto, StaffLoginDto, UpdateStaffDto } from './staff.dto';
import { CurrentStaff, Roles } from '../platform/auth/staff-auth.guard';
import { StaffRow } from './staff.entity';
import { StaffService, toStaffProfile } from './staff.service';

@Controller('admin')
export class StaffController {
  constructor(private readonly staffService: StaffService) {}

  @Post('auth/login')
  @HttpCode(200)
  login(@Body() body: StaffLoginDto, @Req() request: FastifyRequest): Promise<StaffLoginResponse> {
    // request.ip: the TCP peer, or the client a trusted proxy names (TRUST_PROXY).
    return this.staffService.login(body.username, body.password, request.ip);
  }

  @Get('me')
  @Roles(...ALL_STAFF_ROLES)
  me(@CurrentStaff() staff: StaffRow): StaffProfile {
    return toStaffProfile(staff);
  }

  @Get('staff')
  @Roles(...STAFF_ADMIN_ROLES)
  list(@Query() query: PageQueryDto): Promise<Paginated<StaffProfile>> {
    return this.staffService.list(query);
  }

  @Post('staff')
  @Roles(...STAFF_ADMIN_ROLES)
  create(@Body() body: CreateStaffDto): Promise<StaffProfile> {
    return this.staffService.create(body);
  }

  @Patch('staff/:id')
  @Roles(...STAFF_ADMIN_ROLES)
  update(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: UpdateStaffDto,
    @CurrentStaff() actor: StaffRow,
  ): Promise<StaffProfile> {
    return this.staffService.update(id, body, actor);
  }
}
