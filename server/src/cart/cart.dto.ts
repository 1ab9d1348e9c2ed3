import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_ID } from '../platform/http/id-param.pipe';
import { CART_MAX_QUANTITY, type AddCartItemRequest, type SelectAllCartItemsRequest, type UpdateCartItemRequest } from '../../../shared';

export class AddCartItemDto implements AddCartItemRequest {
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  skuId: number;

  @IsInt()
  @Min(1)
  @Max(CART_MAX_QUANTITY)
  quantity: number;
}

export class UpdateCartItemDto implements UpdateCartItemRequest {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(CART_MAX_QUANTITY)
  quantity?: number;

  @IsOptional()
  @IsBoolean()
  selected?: boolean;
}

export class SelectAllCartItemsDto implements SelectAllCartItemsRequest {
  @IsBoolean()
  selected: boolean;
}
