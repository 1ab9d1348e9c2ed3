import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min, ValidateIf } from 'class-validator';
import { POSTER_KINDS, type PosterKind, type PosterQuery } from '../../../shared';
import { MAX_INT_ID } from '../catalog/shop-catalog.dto';

/** `?kind=product&productId=12`, `?kind=team&teamId=34` or `?kind=shop`. */
export class PosterQueryDto implements PosterQuery {
  @IsIn(POSTER_KINDS)
  kind: PosterKind;

  /** Required for a product poster; ignored for the shop's. */
  @ValidateIf((query: PosterQueryDto) => query.kind === 'product' || query.productId !== undefined)
  @Type(() => Number)
  @IsInt({ message: 'productId must be a product id (商品海报必须指定商品)' })
  @Min(1)
  @Max(MAX_INT_ID)
  productId?: number;

  /** Required for a team poster; ignored for the others. */
  @ValidateIf((query: PosterQueryDto) => query.kind === 'team' || query.teamId !== undefined)
  @Type(() => Number)
  @IsInt({ message: 'teamId must be a team id (拼团海报必须指定拼团)' })
  @Min(1)
  @Max(MAX_INT_ID)
  teamId?: number;
}
