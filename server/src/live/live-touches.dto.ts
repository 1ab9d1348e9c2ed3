import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEVICE_ID_PATTERN, LIVE_ENTRIES, SCENE_MAX_LENGTH, type LiveClickRequest, type LiveEntry, type LiveInboundRequest } from '../../../shared';
import { MAX_ID } from '../platform/http/id-param.pipe';
import { OptionalField } from '../platform/http/optional-field';

const DEVICE_ID_MESSAGE = 'deviceId must be 16..64 of letters, digits, _ and -';
/** WeChat openids and promoter ids: opaque URL-safe tokens. */
const WECHAT_ID = /^[A-Za-z0-9_-]{1,128}$/;

export class LiveClickDto implements LiveClickRequest {
  @IsString()
  @Matches(DEVICE_ID_PATTERN, { message: DEVICE_ID_MESSAGE })
  deviceId: string;

  @IsIn(LIVE_ENTRIES)
  entry: LiveEntry;
}

export class LiveInboundDto implements LiveInboundRequest {
  @IsString()
  @Matches(DEVICE_ID_PATTERN, { message: DEVICE_ID_MESSAGE })
  deviceId: string;

  /** The launch scene (wx.getLaunchOptionsSync().scene): WeChat's are 4-digit numbers. */
  @IsInt()
  @Min(1)
  @Max(99_999)
  scene: number;

  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  sessionId?: number;

  @OptionalField()
  @IsString()
  @MaxLength(SCENE_MAX_LENGTH)
  shortId?: string;

  @OptionalField()
  @IsString()
  @Matches(WECHAT_ID, { message: 'sharerOpenId must be 1..128 of letters, digits, _ and -' })
  sharerOpenId?: string;

  @OptionalField()
  @IsString()
  @Matches(WECHAT_ID, { message: 'promoterId must be 1..128 of letters, digits, _ and -' })
  promoterId?: string;
}
