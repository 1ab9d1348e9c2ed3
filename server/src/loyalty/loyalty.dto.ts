import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Length, Matches, Max, Min, NotEquals, ValidateIf, ValidateNested } from 'class-validator';
import {
  LOYALTY_SETTINGS_RANGES as RANGES,
  MEMBER_LEVEL_RULES as RULES,
  type AdjustPointsRequest,
  type LoyaltySettings,
  type MemberLevelInput,
  type SaveMemberLevelsRequest,
} from '../../../shared';

export class MemberLevelInputDto implements MemberLevelInput {
  @IsString()
  @Length(1, RULES.nameMaxLength)
  @Matches(/\S/)
  name: string;

  @IsInt()
  @Min(0)
  @Max(RULES.maxFen)
  minPaidFen: number;

  @IsInt()
  @Min(RULES.minPercent)
  @Max(RULES.maxPercent)
  memberPricePercent: number;

  /** null: the shop's own shipping rule only. */
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(RULES.maxFen)
  freeShippingThresholdFen: number | null;
}

export class SaveMemberLevelsDto implements SaveMemberLevelsRequest {
  @IsArray()
  @ArrayMinSize(RULES.minLevels)
  @ArrayMaxSize(RULES.maxLevels)
  @ValidateNested({ each: true })
  @Type(() => MemberLevelInputDto)
  levels: MemberLevelInputDto[];
}

export class LoyaltySettingsDto implements LoyaltySettings {
  @IsInt()
  @Min(RANGES.levelWindowDays.min)
  @Max(RANGES.levelWindowDays.max)
  levelWindowDays: number;

  @IsInt()
  @Min(RANGES.pointsEarnedPerYuan.min)
  @Max(RANGES.pointsEarnedPerYuan.max)
  pointsEarnedPerYuan: number;

  @IsInt()
  @Min(RANGES.pointsPerYuan.min)
  @Max(RANGES.pointsPerYuan.max)
  pointsPerYuan: number;

  @IsInt()
  @Min(RANGES.pointsMaxSharePercent.min)
  @Max(RANGES.pointsMaxSharePercent.max)
  pointsMaxSharePercent: number;

  @IsInt()
  @Min(RANGES.pointsExpiryMonths.min)
  @Max(RANGES.pointsExpiryMonths.max)
  pointsExpiryMonths: number;
}

export class AdjustPointsDto implements AdjustPointsRequest {
  @IsInt()
  @NotEquals(0)
  @Min(-1_000_000)
  @Max(1_000_000)
  delta: number;

  @IsString()
  @Length(1, 100)
  @Matches(/\S/)
  reason: string;
}
