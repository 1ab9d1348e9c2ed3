import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import {
  CART_MAX_QUANTITY,
  ORDER_MAX_LINES,
  ORDER_REMARK_MAX_LENGTH,
  ORDER_TABS,
  type CheckoutPreviewRequest,
  type CreateOrderRequest,
  type GroupBuyCheckout,
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

/** 拼团: the campaign, and the team to join (null: open a new one). */
export class GroupBuyCheckoutDto implements GroupBuyCheckout {
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  campaignId: number;

  /** Required: a team id, or null to open a new team. */
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  teamId: number | null;
}

/** An optional group-buy selection (an object; null is refused like any other wrong type). */
function GroupBuySelection() {
  return applyDecorators(OptionalField(), IsObject(), ValidateNested(), Type(() => GroupBuyCheckoutDto));
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

  @GroupBuySelection()
  groupBuy?: GroupBuyCheckoutDto;
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

  @GroupBuySelection()
  groupBuy?: GroupBuyCheckoutDto;
}

export class OrderListQueryDto extends PageQueryDto {
  @OptionalField()
  @IsIn(ORDER_TABS)
  status: OrderTab = 'all';
}
