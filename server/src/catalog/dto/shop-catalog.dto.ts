import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PRODUCT_SORTS, type ProductListQuery, type ProductSort } from '../../../../shared';
import { PageQueryDto } from '../../platform/http/page-query.dto';

export const MAX_INT_ID = 2_147_483_647;

export class ProductListQueryDto extends PageQueryDto implements ProductListQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT_ID)
  categoryId?: number;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  keyword?: string;

  @IsOptional()
  @IsIn(PRODUCT_SORTS)
  sort: ProductSort = 'default';
}
