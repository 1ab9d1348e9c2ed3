import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  CHANNEL_CODE_PATTERN,
  DEVICE_ID_PATTERN,
  SCENE_MAX_LENGTH,
  SHARE_EVENT_CHANNELS,
  SHARE_LINK_KINDS,
  type CreateShareLinkRequest,
  type LoginAttribution,
  type RecordShareEventRequest,
  type RecordTouchRequest,
  type ShareEventChannel,
  type ShareLinkKind,
} from '../../../shared';
import { MAX_INT_ID } from '../catalog/shop-catalog.dto';
import { OptionalField } from '../platform/http/optional-field';

export class CreateShareLinkDto implements CreateShareLinkRequest {
  @IsIn(SHARE_LINK_KINDS)
  kind: ShareLinkKind;

  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(MAX_INT_ID)
  targetId?: number;

  @OptionalField()
  @IsString()
  @Matches(CHANNEL_CODE_PATTERN, { message: 'channel must be 1..32 of letters, digits and _.:-' })
  channel?: string;

  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(MAX_INT_ID)
  liveSessionId?: number;
}

/** A share link's short id: any text up to a scene's length (an unknown one is ignored, not refused). */
class ShortIdDto {
  @OptionalField()
  @IsString()
  @MaxLength(SCENE_MAX_LENGTH)
  shortId?: string;
}

export class RecordTouchDto extends ShortIdDto implements RecordTouchRequest {
  @IsString()
  @Matches(DEVICE_ID_PATTERN, { message: 'deviceId must be 16..64 of letters, digits, _ and -' })
  deviceId: string;

  @OptionalField()
  @IsString()
  @Matches(CHANNEL_CODE_PATTERN, { message: 'channel must be 1..32 of letters, digits and _.:-' })
  channel?: string;
}

/** Sent with the login; values that are not plausible are ignored by the service, not refused. */
export class LoginAttributionDto extends ShortIdDto implements LoginAttribution {
  @OptionalField()
  @IsString()
  @MaxLength(64)
  deviceId?: string;

  @OptionalField()
  @IsString()
  @MaxLength(64)
  channel?: string;
}

export class RecordShareEventDto implements RecordShareEventRequest {
  @IsString()
  @MaxLength(SCENE_MAX_LENGTH)
  shortId: string;

  @IsIn(SHARE_EVENT_CHANNELS)
  channel: ShareEventChannel;
}
