import { PartialType } from '@nestjs/mapped-types';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  COUPON_CHANNELS,
  COUPON_MAX_AMOUNT_FEN,
  COUPON_MAX_PER_MEMBER_LIMIT,
  COUPON_MAX_TOTAL_QUANTITY,
  COUPON_MAX_VALID_DAYS,
  COUPON_SCOPES,
  COUPON_TEMPLATE_STATUSES,
  COUPON_TYPES,
  COUPON_VALIDITY_KINDS,
  MY_COUPON_STATUSES,
  type AdminCouponTemplateQuery,
  type CouponChannel,
  type CouponScope,
  type CouponTemplateStatus,
  type CouponType,
  type CouponValidityKind,
  type CreateCouponTemplateRequest,
  type IssueCouponsRequest,
  type MyCouponStatus,
} from '../../../shared';
import { MAX_ID } from '../platform/http/id-param.pipe';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { OptionalField } from '../platform/http/optional-field';

/** Per-field bounds; the rules between fields (what each type needs, the window's order) are in coupon-template-rules.ts. */
export class CreateCouponTemplateDto implements CreateCouponTemplateRequest {
  @IsString()
  @Length(1, 30)
  @Matches(/\S/)
  name: string;

  @IsIn(COUPON_TYPES)
  type: CouponType;

  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(COUPON_MAX_AMOUNT_FEN)
  thresholdFen?: number;

  @OptionalField()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(COUPON_MAX_AMOUNT_FEN)
  amountOffFen?: number | null;

  @OptionalField()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(99)
  payPercent?: number | null;

  @OptionalField()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(COUPON_MAX_AMOUNT_FEN)
  maxDiscountFen?: number | null;

  @IsIn(COUPON_SCOPES)
  scope: CouponScope;

  @OptionalField()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  scopeIds?: number[];

  @IsIn(COUPON_VALIDITY_KINDS)
  validityKind: CouponValidityKind;

  @OptionalField()
  @ValidateIf((_, value) => value !== null)
  @IsISO8601({ strict: true })
  validFrom?: string | null;

  @OptionalField()
  @ValidateIf((_, value) => value !== null)
  @IsISO8601({ strict: true })
  validTo?: string | null;

  @OptionalField()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(COUPON_MAX_VALID_DAYS)
  validDays?: number | null;

  @IsInt()
  @Min(1)
  @Max(COUPON_MAX_TOTAL_QUANTITY)
  totalQuantity: number;

  @IsInt()
  @Min(1)
  @Max(COUPON_MAX_PER_MEMBER_LIMIT)
  perMemberLimit: number;

  @IsIn(COUPON_CHANNELS)
  channel: CouponChannel;
}

export class UpdateCouponTemplateDto extends PartialType(CreateCouponTemplateDto) {}

export class AdminCouponTemplateQueryDto extends PageQueryDto implements AdminCouponTemplateQuery {
  @OptionalField()
  @IsIn(COUPON_TEMPLATE_STATUSES)
  status?: CouponTemplateStatus;

  @OptionalField()
  @IsIn(COUPON_TYPES)
  type?: CouponType;

  @OptionalField()
  @IsIn(COUPON_TYPES)
  excludeType?: CouponType;

  @OptionalField()
  @IsIn(COUPON_CHANNELS)
  channel?: CouponChannel;

  @OptionalField()
  @IsString()
  @MaxLength(30)
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  keyword?: string;
}

/** At most this many members per issue request (ids plus lines of text). */
export const MAX_ISSUE_LINES = 5000;

export class IssueCouponsDto implements IssueCouponsRequest {
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(MAX_ISSUE_LINES)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  memberIds?: number[];

  @OptionalField()
  @IsString()
  @MaxLength(200_000)
  text?: string;
}

export class MyCouponQueryDto extends PageQueryDto {
  @OptionalField()
  @IsIn(MY_COUPON_STATUSES)
  status: MyCouponStatus = 'unused';
}
