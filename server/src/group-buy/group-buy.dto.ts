import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  GROUP_BUY_CAMPAIGN_STATES,
  GROUP_BUY_NAME_MAX_LENGTH,
  GROUP_BUY_RULES_MAX_LENGTH,
  GROUP_BUY_TEAM_SIZE_MAX,
  GROUP_BUY_TEAM_SIZE_MIN,
  GROUP_BUY_TEAM_STATUSES,
  GROUP_BUY_VALIDITY_HOURS_MAX,
  GROUP_BUY_VALIDITY_HOURS_MIN,
  type GroupBuyCampaignInput,
  type GroupBuyCampaignState,
  type GroupBuySkuPrice,
  type GroupBuyTeamStatus,
} from '../../../shared';
import { MAX_PRICE_FEN } from '../catalog/admin-catalog.dto';
import { MAX_ID } from '../platform/http/id-param.pipe';
import { OptionalField } from '../platform/http/optional-field';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { IsZonedTimestamp } from '../platform/http/zoned-timestamp';

/** Per-member and campaign limits: 0 means none; anything above is a typo, not a plan. */
const MAX_LIMIT = 1_000_000;

export class GroupBuySkuPriceDto implements GroupBuySkuPrice {
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  skuId: number;

  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_FEN)
  groupPriceFen: number;

  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_FEN)
  leaderPriceFen: number | null;
}

/**
 * A campaign as staff save it (create and the full replacement of PUT). Per-field bounds here; the rules between
 * fields and against the product (SKUs of the product, prices below list price, the window) are in
 * group-buy-campaign-rules.ts.
 */
export class GroupBuyCampaignDto implements GroupBuyCampaignInput {
  @IsString()
  @Matches(/\S/, { message: '请填写活动名称' })
  @MaxLength(GROUP_BUY_NAME_MAX_LENGTH, { message: `活动名称最多 ${GROUP_BUY_NAME_MAX_LENGTH} 个字` })
  name: string;

  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  productId: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => GroupBuySkuPriceDto)
  skus: GroupBuySkuPriceDto[];

  @IsInt()
  @Min(GROUP_BUY_TEAM_SIZE_MIN)
  @Max(GROUP_BUY_TEAM_SIZE_MAX)
  teamSize: number;

  @IsInt()
  @Min(GROUP_BUY_VALIDITY_HOURS_MIN)
  @Max(GROUP_BUY_VALIDITY_HOURS_MAX)
  validityHours: number;

  @IsZonedTimestamp()
  startsAt: string;

  @IsZonedTimestamp()
  endsAt: string;

  @IsInt()
  @Min(0)
  @Max(MAX_LIMIT)
  memberTeamLimit: number;

  @IsInt()
  @Min(0)
  @Max(MAX_LIMIT)
  memberUnitLimit: number;

  @IsInt()
  @Min(0)
  @Max(MAX_LIMIT)
  unitQuota: number;

  @IsBoolean()
  allowCoupons: boolean;

  @IsBoolean()
  allowPoints: boolean;

  @IsBoolean()
  virtualCompletion: boolean;

  /** Required (1–100) when virtualCompletion is on; must be null when it is off. */
  @ValidateIf((campaign: GroupBuyCampaignDto, value) => campaign.virtualCompletion === true || value !== null)
  @IsInt({ message: ({ value }) => (value === null ? '请填写模拟成团的比例' : '必须是整数') })
  @Min(1)
  @Max(100)
  virtualThresholdPercent: number | null;

  @IsString()
  @MaxLength(GROUP_BUY_RULES_MAX_LENGTH)
  rulesText: string;
}

export class GroupBuyCampaignQueryDto extends PageQueryDto {
  @OptionalField()
  @IsIn(GROUP_BUY_CAMPAIGN_STATES)
  state?: GroupBuyCampaignState;
}

export class GroupBuyTeamQueryDto extends PageQueryDto {
  @OptionalField()
  @IsIn(GROUP_BUY_TEAM_STATUSES)
  status?: GroupBuyTeamStatus;
}
