import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import type { AdminShopProfile, ReturnAddress } from '../../../shared';
import { IsAssetUrl } from '../platform/http/asset-url';

const PHONE_PATTERN = /^[0-9+\- ]{5,20}$/;

export class ReturnAddressDto implements ReturnAddress {
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  recipientName: string;

  @IsString()
  @Matches(PHONE_PATTERN, { message: '电话只能包含数字、空格、+ 和 -（5–20 位）' })
  phone: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address: string;
}

/** Every field is sent; null clears an optional one. */
export class ShopProfileDto implements AdminShopProfile {
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  shopName: string;

  @ValidateIf((_, value) => value !== null)
  @IsAssetUrl()
  logoUrl: string | null;

  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Matches(PHONE_PATTERN, { message: '客服电话只能包含数字、空格、+ 和 -（5–20 位）' })
  servicePhone: string | null;

  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(40)
  serviceHours: string | null;

  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(200)
  announcement: string | null;

  @ValidateIf((_, value) => value !== null)
  @ValidateNested()
  @Type(() => ReturnAddressDto)
  returnAddress: ReturnAddressDto | null;
}
