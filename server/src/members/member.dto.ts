import { Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PRIVACY_VERSION_MAX_LENGTH, type BindPhoneRequest, type PrivacyConsentRequest, type UpdateProfileRequest, type WechatLoginRequest } from '../../../shared';
import { LoginAttributionDto } from '../attribution/attribution.dto';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { OptionalField } from '../platform/http/optional-field';

export class WechatLoginDto implements WechatLoginRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;

  @OptionalField()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRIVACY_VERSION_MAX_LENGTH)
  privacyConsentVersion?: string;

  @OptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => LoginAttributionDto)
  attribution?: LoginAttributionDto;
}

export class PrivacyConsentDto implements PrivacyConsentRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRIVACY_VERSION_MAX_LENGTH)
  version: string;
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @OptionalField()
  @IsString()
  @Matches(/\S/, { message: 'nickname must not be blank' })
  @MaxLength(20)
  nickname?: string;

  /** Only files this server stored (POST /me/avatar answers such a URL). */
  @OptionalField()
  @IsString()
  @MaxLength(300)
  @Matches(/^\/uploads\/[a-z0-9-]+\/[a-zA-Z0-9._-]+$/)
  avatarUrl?: string;
}

export class BindPhoneDto implements BindPhoneRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;
}

export class AdminMemberQueryDto extends PageQueryDto {
  @OptionalField()
  @IsString()
  @MaxLength(40)
  keyword?: string;
}
