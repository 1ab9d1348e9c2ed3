import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { MAX_ID } from '../platform/http/id-param.pipe';
import { CART_MAX_QUANTITY, type AddCartItemRequest, type SelectAllCartItemsRequest, type UpdateCartItemRequest } from '../../../shared';
import { OptionalField } from '../platform/http/optional-field';

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
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(CART_MAX_QUANTITY)
  quantity?: number;

  @OptionalField()
  @IsBoolean()
  selected?: boolean;
}

export class SelectAllCartItemsDto implements SelectAllCartItemsRequest {
  @IsBoolean()
  selected: boolean;
}
