import { PartialType } from '@nestjs/mapped-types';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  NotEquals,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  BULK_PRODUCT_ACTIONS,
  BULK_PRODUCT_MAX,
  type BulkProductAction,
  type BulkProductRequest,
  type SaveCategoryRequest,
  type SaveProductRequest,
  type SaveSkuRequest,
  type SetShelfRequest,
  type SpecDimension,
  type StockAdjustmentRequest,
} from '../../../shared';
import { BASE_SALES_COUNT_MAX } from '../../../shared';
import { IsAssetUrl } from '../platform/http/asset-url';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { MAX_INT_ID } from './shop-catalog.dto';
import { OptionalField } from '../platform/http/optional-field';

export const MAX_PRICE_FEN = 99_999_999;
export const MAX_STOCK = 9_999_999;
const MAX_SORT_ORDER = 999_999;

export class CreateCategoryDto implements SaveCategoryRequest {
  @IsString()
  @Length(1, 20)
  @Matches(/\S/)
  name: string;

  @OptionalField()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_INT_ID)
  parentId?: number | null;

  @OptionalField()
  @ValidateIf((_, value) => value !== null)
  @IsAssetUrl()
  icon?: string | null;

  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(MAX_SORT_ORDER)
  sortOrder?: number;
}

/** Every field of a new category, each optional (and validated the same way when present). */
export class UpdateCategoryDto extends PartialType(CreateCategoryDto) {}

export class SpecDimensionDto implements SpecDimension {
  @IsString()
  @Length(1, 10)
  @Matches(/\S/)
  name: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 20, { each: true })
  values: string[];
}

export class DetailBlockDto {
  @IsIn(['text', 'image'])
  type: 'text' | 'image';

  @ValidateIf((block: DetailBlockDto) => block.type === 'text')
  @IsString()
  @Length(1, 2000)
  text?: string;

  @ValidateIf((block: DetailBlockDto) => block.type === 'image')
  @IsAssetUrl()
  url?: string;
}

export class SaveSkuDto implements SaveSkuRequest {
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(MAX_INT_ID)
  id?: number;

  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  specValues: string[];

  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_FEN)
  priceFen: number;

  @OptionalField()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_FEN)
  originalPriceFen?: number | null;

  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock: number;

  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stockBefore?: number;

  @OptionalField()
  @IsString()
  @MaxLength(40)
  @Matches(/^[A-Za-z0-9_-]*$/)
  skuCode?: string;
}

/** SaveProductRequest; detail blocks are one class with both optional fields (a union cannot be a DTO). */
export class SaveProductDto implements Omit<SaveProductRequest, 'detail'> {
  @IsInt()
  @Min(1)
  @Max(MAX_INT_ID)
  categoryId: number;

  @IsString()
  @Length(1, 60)
  @Matches(/\S/)
  title: string;

  @OptionalField()
  @IsString()
  @MaxLength(120)
  subtitle?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(9)
  @IsAssetUrl({ each: true })
  images: string[];

  @OptionalField()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DetailBlockDto)
  detail?: DetailBlockDto[];

  @OptionalField()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 12, { each: true })
  tags?: string[];

  @OptionalField()
  @IsBoolean()
  onShelf?: boolean;

  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(MAX_SORT_ORDER)
  sortOrder?: number;

  @OptionalField()
  @IsBoolean()
  memberPriceEnabled?: boolean;

  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(BASE_SALES_COUNT_MAX)
  baseSalesCount?: number;

  @IsArray()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => SpecDimensionDto)
  specs: SpecDimensionDto[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SaveSkuDto)
  skus: SaveSkuDto[];
}

export class SetShelfDto implements SetShelfRequest {
  @IsBoolean()
  onShelf: boolean;
}

export class BulkProductDto implements BulkProductRequest {
  @IsIn(BULK_PRODUCT_ACTIONS)
  action: BulkProductAction;

  @IsArray()
  @ArrayMinSize(1, { message: '请至少选择一个商品' })
  @ArrayMaxSize(BULK_PRODUCT_MAX, { message: `一次最多操作 ${BULK_PRODUCT_MAX} 个商品` })
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_INT_ID, { each: true })
  ids: number[];
}

export class StockAdjustmentDto implements StockAdjustmentRequest {
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_STOCK)
  @Max(MAX_STOCK)
  delta: number;

  @IsString()
  @Length(1, 100)
  @Matches(/\S/)
  reason: string;
}

export class AdminProductQueryDto extends PageQueryDto {
  @OptionalField()
  @IsString()
  @MaxLength(50)
  keyword?: string;

  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT_ID)
  categoryId?: number;

  /** Query strings carry text: only "true" and "false" become booleans; anything else fails validation. */
  @OptionalField()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  onShelf?: boolean;
}
