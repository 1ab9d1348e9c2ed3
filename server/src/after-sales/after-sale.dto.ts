import { ArrayMaxSize, IsArray, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  AFTER_SALE_STATUSES,
  AFTER_SALE_TYPES,
  EXPRESS_COMPANIES,
  type AfterSaleStatus,
  type AfterSaleType,
  type ApplyAfterSaleRequest,
  type RejectAfterSaleRequest,
  type ReturnShipmentRequest,
} from '../../../shared';
import { TRACKING_NO_PATTERN } from '../orders/shipping.service';
import { IsAssetUrl } from '../platform/http/asset-url';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { OptionalField } from '../platform/http/optional-field';
import { RefundItems } from '../payments/refund.dto';
import type { OrderItemDto } from '../orders/order.dto';

export class ApplyAfterSaleDto implements ApplyAfterSaleRequest {
  @IsIn(AFTER_SALE_TYPES)
  type: AfterSaleType;

  @IsString()
  @MinLength(1)
  @MaxLength(50)
  reason: string;

  @OptionalField()
  @IsString()
  @MaxLength(500)
  description?: string;

  @OptionalField()
  @IsArray()
  @ArrayMaxSize(6)
  @IsAssetUrl({ each: true })
  images?: string[];

  @RefundItems()
  items?: OrderItemDto[];
}

export class RejectAfterSaleDto implements RejectAfterSaleRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reason: string;
}

export class AfterSaleListQueryDto extends PageQueryDto {
  @OptionalField()
  @IsIn(AFTER_SALE_STATUSES)
  status?: AfterSaleStatus;

  @OptionalField()
  @IsIn(AFTER_SALE_TYPES)
  type?: AfterSaleType;
}

export class ReturnShipmentDto implements ReturnShipmentRequest {
  @IsIn(EXPRESS_COMPANIES.map((company) => company.code), { message: '请选择快递公司' })
  carrierCode: string;

  @IsString()
  @Matches(TRACKING_NO_PATTERN, { message: '快递单号应为 5–32 位字母或数字' })
  trackingNo: string;
}
