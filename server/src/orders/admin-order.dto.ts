import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  EXPRESS_COMPANIES,
  ORDER_STATUSES,
  type AdminOrderListQuery,
  type OrderStatus,
  type ShipOrderRequest,
  type StaffCancelOrderRequest,
} from '../../../shared';
import { MAX_ID } from '../platform/http/id-param.pipe';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { TRACKING_NO_PATTERN } from './shipping.service';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Filters of the admin order list and its CSV export. */
export class AdminOrderFilterDto extends PageQueryDto implements AdminOrderListQuery {
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @IsOptional()
  @Matches(DAY, { message: 'from 应为 YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @Matches(DAY, { message: 'to 应为 YYYY-MM-DD' })
  to?: string;

  @IsOptional()
  @Matches(/^[0-9A-Za-z]{1,24}$/, { message: 'orderNo 应为订单号' })
  orderNo?: string;

  @IsOptional()
  @Matches(/^(\d{4}|1\d{10})$/, { message: 'phone 应为 11 位手机号或后 4 位' })
  phone?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  product?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  memberId?: number;

  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'reminded 应为 true 或 false' })
  reminded?: boolean;
}

export class ShipOrderDto implements ShipOrderRequest {
  @IsIn(EXPRESS_COMPANIES.map((company) => company.code), { message: 'carrierCode 应为支持的快递公司代码' })
  carrierCode: string;

  @Matches(TRACKING_NO_PATTERN, { message: 'trackingNo 应为 5–32 位字母或数字' })
  trackingNo: string;
}

export class StaffCancelOrderDto implements StaffCancelOrderRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reason: string;
}

/** `?after=` of the new-payment notice: the previous answer's `until`. */
export class PaidSinceQueryDto {
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'after 应为 ISO 8601 时间' })
  after?: string;
}
