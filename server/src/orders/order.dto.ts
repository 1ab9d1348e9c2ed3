import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  CART_MAX_QUANTITY,
  ORDER_MAX_LINES,
  ORDER_REMARK_MAX_LENGTH,
  ORDER_TABS,
  type CheckoutPreviewRequest,
  type CreateOrderRequest,
  type OrderItemInput,
  type OrderTab,
} from '../../../shared';
import { MAX_ID } from '../platform/http/id-param.pipe';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { OptionalField } from '../platform/http/optional-field';

export class OrderItemDto implements OrderItemInput {
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  skuId: number;

  @IsInt()
  @Min(1)
  @Max(CART_MAX_QUANTITY)
  quantity: number;
}

/** The member's coupon to apply: an id, or null for none (IsOptional lets null through). */
function MemberCouponId() {
  return applyDecorators(IsOptional(), IsInt(), Min(1), Max(MAX_ID));
}

/** 1..ORDER_MAX_LINES items, each SKU once. */
export function OrderItems() {
  return applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(ORDER_MAX_LINES),
    ArrayUnique((item: OrderItemDto) => item?.skuId),
    ValidateNested({ each: true }),
    Type(() => OrderItemDto),
  );
}

export class CheckoutPreviewDto implements CheckoutPreviewRequest {
  @OrderItems()
  items: OrderItemDto[];

  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  addressId?: number;

  @MemberCouponId()
  memberCouponId?: number | null;

  @OptionalField()
  @IsBoolean()
  usePoints?: boolean;
}

/** Amounts of an order are INT columns. */
const MAX_ORDER_FEN = 2_147_483_647;

export class CreateOrderDto implements CreateOrderRequest {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  clientToken: string;

  @OrderItems()
  items: OrderItemDto[];

  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  addressId: number;

  @OptionalField()
  @IsString()
  @MaxLength(ORDER_REMARK_MAX_LENGTH)
  remark?: string;

  @OptionalField()
  @IsBoolean()
  fromCart?: boolean;

  @MemberCouponId()
  memberCouponId?: number | null;

  @OptionalField()
  @IsBoolean()
  usePoints?: boolean;

  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(MAX_ORDER_FEN)
  expectedPayableFen?: number;
}

export class OrderListQueryDto extends PageQueryDto {
  @OptionalField()
  @IsIn(ORDER_TABS)
  status: OrderTab = 'all';
}
