import { IsBoolean, IsIn, IsInt, IsString, MaxLength, Min, Max, ValidateIf } from 'class-validator';
import {
  INVITE_REWARD_KINDS,
  INVITE_REWARD_STATUSES,
  MAX_INVITE_REWARD_POINTS,
  MAX_INVITE_RULE_TEXT_LENGTH,
  type InviteRewardKind,
  type InviteRewardStatus,
  type InviteRule,
} from '../../../../shared';
import { OptionalField } from '../../platform/http/optional-field';
import { PageQueryDto } from '../../platform/http/page-query.dto';

/** `PUT /admin/referral/invite-rule`: every field, always (the coupon or the points, the other null). */
export class InviteRuleDto implements InviteRule {
  @IsBoolean()
  enabled: boolean;

  @IsIn(INVITE_REWARD_KINDS)
  rewardKind: InviteRewardKind;

  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  couponTemplateId: number | null;

  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_INVITE_REWARD_POINTS)
  points: number | null;

  @IsString()
  @MaxLength(MAX_INVITE_RULE_TEXT_LENGTH)
  ruleText: string;
}

export class AdminInviteRewardQueryDto extends PageQueryDto {
  @OptionalField()
  @IsIn(INVITE_REWARD_STATUSES)
  status?: InviteRewardStatus;
}
