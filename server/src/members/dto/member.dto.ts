import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PRIVACY_VERSION_MAX_LENGTH, type BindPhoneRequest, type PrivacyConsentRequest, type UpdateProfileRequest, type WechatLoginRequest } from '../../../../shared';
import { PageQueryDto } from '../../platform/http/page-query.dto';

export class WechatLoginDto implements WechatLoginRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRIVACY_VERSION_MAX_LENGTH)
  privacyConsentVersion?: string;
}

export class PrivacyConsentDto implements PrivacyConsentRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRIVACY_VERSION_MAX_LENGTH)
  version: string;
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'nickname must not be blank' })
  @MaxLength(20)
  nickname?: string;

  /** Only files this server stored (POST /me/avatar answers such a URL). */
  @IsOptional()
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
  @IsOptional()
  @IsString()
  @MaxLength(40)
  keyword?: string;
}
