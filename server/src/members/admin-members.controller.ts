import { Controller, Get, Param, Query } from '@nestjs/common';
import { MEMBER_READ_ROLES, type AdminMemberDetail, type AdminMemberRow, type Paginated } from '../../../shared';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { CurrentStaff, Roles } from '../platform/auth/staff-auth.guard';
import { StaffRow } from '../staff/staff.entity';
import { AdminMemberQueryDto } from './member.dto';
import { MembersService } from './members.service';

@Controller('admin/members')
@Roles(...MEMBER_READ_ROLES)
export class AdminMembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  list(@Query() query: AdminMemberQueryDto, @CurrentStaff() staff: StaffRow): Promise<Paginated<AdminMemberRow>> {
    return this.members.listForStaff(query, staff.role);
  }

  @Get(':id')
  detail(@Param('id', ParseIdPipe) id: number, @CurrentStaff() staff: StaffRow): Promise<AdminMemberDetail> {
    return this.members.detailForStaff(id, staff.role);
  }
}
