import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { RefundPreviewRequest } from '../../../shared';
import { OrderItemDto, OrderItems } from '../orders/order.dto';
import { OptionalField } from '../platform/http/optional-field';

/**
 * Optional units of an order, as an order names them (1..ORDER_MAX_LINES SKUs, each once): SKUs are distinct
 * within an order, so a SKU names a line. Omitted: every unit not refunded yet.
 */
export function RefundItems() {
  return applyDecorators(OptionalField(), OrderItems());
}

export class RefundItemsDto implements RefundPreviewRequest {
  @RefundItems()
  items?: OrderItemDto[];
}

/** `POST /api/v1/admin/orders/:orderNo/refunds`: staff refund units of a paid order (or all that is left) with a reason. */
export class StaffRefundDto extends RefundItemsDto {
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  reason: string;
}
