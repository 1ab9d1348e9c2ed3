import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CHINA_MOBILE_PATTERN, REGION_CODE_PATTERN, type SaveAddressRequest } from '../../../shared';
import { OptionalField } from '../platform/http/optional-field';

/** A required text field, trimmed, 1..max characters after trimming. */
function TrimmedText(max: number) {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(1),
    MaxLength(max),
  );
}

export class SaveAddressDto implements SaveAddressRequest {
  @TrimmedText(20)
  recipientName: string;

  @IsString()
  @Matches(CHINA_MOBILE_PATTERN)
  phone: string;

  @TrimmedText(20)
  provinceName: string;

  @TrimmedText(20)
  cityName: string;

  @TrimmedText(20)
  districtName: string;

  @IsString()
  @Matches(REGION_CODE_PATTERN)
  regionCode: string;

  @TrimmedText(120)
  detail: string;

  @OptionalField()
  @IsBoolean()
  isDefault?: boolean;
}
