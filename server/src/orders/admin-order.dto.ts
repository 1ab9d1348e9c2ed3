import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  EXPRESS_COMPANIES,
  ORDER_STATUSES,
  PICKING_LIST_MAX_ORDERS,
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
  @Matches(DAY, { message: '应为 YYYY-MM-DD 格式的日期' })
  from?: string;

  @OptionalField()
  @Matches(DAY, { message: '应为 YYYY-MM-DD 格式的日期' })
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

  @OptionalField()
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

/** `?orderNos=A,B,C`: distinct order numbers, comma-separated. */
export class PickingListQueryDto {
  @Transform(({ value }) => (typeof value === 'string' ? [...new Set(value.split(',').map((part) => part.trim()).filter(Boolean))] : value))
  @IsArray()
  @ArrayMinSize(1, { message: '请至少选择一个订单' })
  @ArrayMaxSize(PICKING_LIST_MAX_ORDERS, { message: `一次最多打印 ${PICKING_LIST_MAX_ORDERS} 个订单` })
  @Matches(/^[0-9A-Za-z]{1,24}$/, { each: true, message: 'orderNos 应为逗号分隔的订单号' })
  orderNos: string[];
}

/** `?after=` of the new-payment notice: the previous answer's `until`. */
export class PaidSinceQueryDto {
  @OptionalField()
  @IsISO8601({ strict: true }, { message: 'after 应为 ISO 8601 时间' })
  after?: string;
}
