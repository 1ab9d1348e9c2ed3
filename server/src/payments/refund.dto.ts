import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ORDER_MAX_LINES, type RefundItem, type RefundPreviewRequest } from '../../../shared';
import { MAX_ID } from '../platform/http/id-param.pipe';
import { OptionalField } from '../platform/http/optional-field';

export class RefundItemDto implements RefundItem {
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  skuId: number;

  @IsInt()
  @Min(1)
  @Max(999)
  quantity: number;
}

/** Optional units of an order, each SKU once (SKUs are distinct within an order, so a SKU names a line). */
export function RefundItems() {
  return applyDecorators(
    OptionalField(),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(ORDER_MAX_LINES),
    ArrayUnique((item: RefundItemDto) => item?.skuId),
    ValidateNested({ each: true }),
    Type(() => RefundItemDto),
  );
}

export class RefundItemsDto implements RefundPreviewRequest {
  @RefundItems()
  items?: RefundItemDto[];
}

/** `POST /api/v1/admin/orders/:orderNo/refunds`: staff refund units of a paid order (or all that is left) with a reason. */
export class StaffRefundDto extends RefundItemsDto {
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  reason: string;
}
