import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  AFTER_SALE_STATUSES,
  AFTER_SALE_TYPES,
  type AfterSaleStatus,
  type AfterSaleType,
  type ApplyAfterSaleRequest,
  type RejectAfterSaleRequest,
} from '../../../shared';
import { IsAssetUrl } from '../platform/http/asset-url';
import { PageQueryDto } from '../platform/http/page-query.dto';

export class ApplyAfterSaleDto implements ApplyAfterSaleRequest {
  @IsIn(AFTER_SALE_TYPES)
  type: AfterSaleType;

  @IsString()
  @MinLength(1)
  @MaxLength(50)
  reason: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsAssetUrl({ each: true })
  images?: string[];
}

export class RejectAfterSaleDto implements RejectAfterSaleRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reason: string;
}

export class AfterSaleListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(AFTER_SALE_STATUSES)
  status?: AfterSaleStatus;

  @IsOptional()
  @IsIn(AFTER_SALE_TYPES)
  type?: AfterSaleType;
}
