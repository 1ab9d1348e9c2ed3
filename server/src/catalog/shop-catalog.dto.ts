import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { PRODUCT_SORTS, type ProductListQuery, type ProductSort } from '../../../shared';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { OptionalField } from '../platform/http/optional-field';

export const MAX_INT_ID = 2_147_483_647;

export class ProductListQueryDto extends PageQueryDto implements ProductListQuery {
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT_ID)
  categoryId?: number;

  @OptionalField()
  @IsString()
  @MaxLength(50)
  keyword?: string;

  @OptionalField()
  @IsIn(PRODUCT_SORTS)
  sort: ProductSort = 'default';
}
