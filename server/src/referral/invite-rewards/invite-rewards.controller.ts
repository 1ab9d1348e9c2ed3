import { Body, Controller, Get, Put, Query, UseGuards } from '@nestjs/common';
import { REFERRAL_READ_ROLES, REFERRAL_SETTINGS_ROLES, type AdminInviteReward, type InviteRuleView, type MyInvites, type Paginated } from '../../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../../platform/auth/member-auth.guard';
import { CurrentStaff, Roles } from '../../platform/auth/staff-auth.guard';
import { PageQueryDto } from '../../platform/http/page-query.dto';
import type { StaffRow } from '../../staff/staff.entity';
import { AdminInviteRewardQueryDto, InviteRuleDto } from './invite-rewards.dto';
import { InviteRewardsService } from './invite-rewards.service';
import { InviteRuleService } from './invite-rule.service';

/** 邀请有礼 for the member: the rule, my invited friends and what I earned. */
@Controller('referral/invites')
@UseGuards(MemberAuthGuard)
export class InviteRewardsController {
  constructor(private readonly rewards: InviteRewardsService) {}

  @Get()
  mine(@CurrentMemberId() memberId: number, @Query() query: PageQueryDto): Promise<MyInvites> {
    return this.rewards.mine(memberId, query);
  }
}

/** Console: the 邀请有礼 rule and the rewards recorded and granted. */
@Controller('admin/referral')
export class AdminInviteRewardsController {
  constructor(
    private readonly rules: InviteRuleService,
    private readonly rewards: InviteRewardsService,
  ) {}

  @Get('invite-rule')
  @Roles(...REFERRAL_READ_ROLES)
  getRule(): Promise<InviteRuleView> {
    return this.rules.view();
  }

  @Put('invite-rule')
  @Roles(...REFERRAL_SETTINGS_ROLES)
  saveRule(@Body() body: InviteRuleDto): Promise<InviteRuleView> {
    return this.rules.save(body);
  }

  @Get('invite-rewards')
  @Roles(...REFERRAL_READ_ROLES)
  list(@Query() query: AdminInviteRewardQueryDto, @CurrentStaff() staff: StaffRow): Promise<Paginated<AdminInviteReward>> {
    return this.rewards.list({ status: query.status }, query, staff.role);
  }
}
