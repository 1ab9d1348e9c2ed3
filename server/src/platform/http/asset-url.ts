import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, type ValidationOptions } from 'class-validator';

/** Files this server stored (`/uploads/…`) or an https URL of an object store; no `..`, no spaces. */
export const ASSET_URL_PATTERN = /^(?!.*\.\.)(\/uploads\/[A-Za-z0-9._/-]+|https:\/\/[^\s"'<>]+)$/;

export function IsAssetUrl(options?: ValidationOptions) {
  return applyDecorators(IsString(options), MaxLength(500, options), Matches(ASSET_URL_PATTERN, options));
}
