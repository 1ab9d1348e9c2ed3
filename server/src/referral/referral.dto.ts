import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import {
  COMMISSION_STATUSES,
  MAX_AFTER_SALE_WINDOW_DAYS,
  MAX_BINDING_VALID_DAYS,
  MAX_COMMISSION_RATE_BP,
  PROMOTER_PROGRAM_MODES,
  PROMOTER_STATUSES,
  REFERRAL_BIND_SCOPES,
  REFERRAL_BINDING_MODES,
  type AdminCommissionQuery,
  type ApplyPromoterRequest,
  type CommissionStatus,
  type FreezePromoterRequest,
  type PromoterProgramMode,
  type PromoterStatus,
  type ReferralBindingMode,
  type ReferralBindScope,
  type ReferralSettings,
  type RejectPromoterRequest,
  type SaveProductCommissionRateRequest,
  WITHDRAWAL_MAX_FEN,
  WITHDRAWAL_WECHAT_MIN_FEN,
} from '../../../shared';
import { IsCalendarDay } from '../platform/http/calendar-day';
import { MAX_ID } from '../platform/http/id-param.pipe';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { OptionalField } from '../platform/http/optional-field';

/** The largest amount of money a setting takes (1,000,000 元). */
const MAX_FEN = 100_000_000;

/** The level-1 and level-2 rates (basis points) of the shop or of one product: two, and no field for a third. */
export class ProductCommissionRateDto implements SaveProductCommissionRateRequest {
  @IsInt()
  @Min(0)
  @Max(MAX_COMMISSION_RATE_BP)
  level1RateBp: number;

  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_COMMISSION_RATE_BP)
  level2RateBp: number | null;
}

/** `PUT /admin/referral/settings`: every field, always (unknown fields such as a third level are refused by the whitelist). */
export class ReferralSettingsDto extends ProductCommissionRateDto implements ReferralSettings {
  @IsBoolean()
  enabled: boolean;

  @IsIn(PROMOTER_PROGRAM_MODES)
  programMode: PromoterProgramMode;

  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  everyoneMinSpendFen: number | null;

  @IsIn(REFERRAL_BINDING_MODES)
  bindingMode: ReferralBindingMode;

  @IsInt()
  @Min(1)
  @Max(MAX_BINDING_VALID_DAYS)
  bindingValidDays: number;

  @IsIn(REFERRAL_BIND_SCOPES)
  bindScope: ReferralBindScope;

  @IsBoolean()
  selfPurchaseCommission: boolean;

  @IsInt()
  @Min(0)
  @Max(MAX_AFTER_SALE_WINDOW_DAYS)
  afterSaleWindowDays: number;

  /** WeChat transfers nothing under 0.1 元; from 2,000 元 it needs a real name the shop does not collect. */
  @IsInt()
  @Min(WITHDRAWAL_WECHAT_MIN_FEN)
  @Max(WITHDRAWAL_MAX_FEN)
  withdrawalMinFen: number;

  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  withdrawalDailyLimitFen: number;
}


export class ApplyPromoterDto implements ApplyPromoterRequest {
  @OptionalField()
  @IsString()
  @Length(0, 200)
  note?: string;
}

/** A reason staff give (shown to the promoter): 1..200 characters with something visible. */
export class PromoterReasonDto implements RejectPromoterRequest, FreezePromoterRequest {
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: '请填写原因' })
  reason: string;
}

export class TeamQueryDto extends PageQueryDto {
  @Type(() => Number)
  @IsIn([1, 2])
  level: 1 | 2;
}

export class CommissionQueryDto extends PageQueryDto {
  @OptionalField()
  @IsIn(COMMISSION_STATUSES)
  status?: CommissionStatus;
}

/** Filters of the console's commission list and its CSV export. */
export class AdminCommissionQueryDto extends CommissionQueryDto implements AdminCommissionQuery {
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  promoterId?: number;

  /** China days of the record's creation, both included. */
  @OptionalField()
  @IsCalendarDay()
  from?: string;

  @OptionalField()
  @IsCalendarDay()
  to?: string;

  @OptionalField()
  @Matches(/^[0-9A-Za-z]{1,24}$/, { message: 'orderNo 应为订单号' })
  orderNo?: string;
}

export class AdminPromoterQueryDto extends PageQueryDto {
  @OptionalField()
  @IsIn(PROMOTER_STATUSES)
  status?: PromoterStatus;

  /** Nickname or phone (or its last digits). */
  @OptionalField()
  @IsString()
  @Length(1, 40)
  keyword?: string;
}
