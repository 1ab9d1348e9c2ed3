import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
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
import { OptionalField } from '../platform/http/optional-field';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Filters of the admin order list and its CSV export. */
export class AdminOrderFilterDto extends PageQueryDto implements AdminOrderListQuery {
  @OptionalField()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @OptionalField()
  @Matches(DAY, { message: 'from 应为 YYYY-MM-DD' })
  from?: string;

  @OptionalField()
  @Matches(DAY, { message: 'to 应为 YYYY-MM-DD' })
  to?: string;

  @OptionalField()
  @Matches(/^[0-9A-Za-z]{1,24}$/, { message: 'orderNo 应为订单号' })
  orderNo?: string;

  @OptionalField()
  @Matches(/^(\d{4}|1\d{10})$/, { message: 'phone 应为 11 位手机号或后 4 位' })
  phone?: string;

  @OptionalField()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  product?: string;

  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  memberId?: number;
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
