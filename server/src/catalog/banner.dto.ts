import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { BANNER_LINK_TYPES, MAX_BANNERS, type BannerLinkType, type ReorderBannersRequest, type SaveBannerRequest } from '../../../shared';
import { IsAssetUrl } from '../platform/http/asset-url';
import { MAX_INT_ID } from './shop-catalog.dto';

export class SaveBannerDto implements SaveBannerRequest {
  @IsString()
  @Length(1, 40)
  @Matches(/\S/, { message: 'title 不能为空白' })
  title: string;

  @IsAssetUrl()
  imageUrl: string;

  @IsIn(BANNER_LINK_TYPES)
  linkType: BannerLinkType;

  /** Checked against the catalog and the page list by the service (400 BANNER_LINK_INVALID). */
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(40)
  linkTarget: string | null;

  @IsBoolean()
  enabled: boolean;
}

export class ReorderBannersDto implements ReorderBannersRequest {
  @IsArray()
  @ArrayMaxSize(MAX_BANNERS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_INT_ID, { each: true })
  ids: number[];
}
