import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import {
  LIVE_CHANNELS_ID_MAX_LENGTH,
  LIVE_FEATURED_PRODUCTS_MAX,
  LIVE_FINDER_USER_NAME_MAX_LENGTH,
  LIVE_PROVIDERS,
  LIVE_SESSION_STATUSES,
  LIVE_TITLE_MAX_LENGTH,
  type LiveProvider,
  type LiveSessionInput,
  type LiveSessionStatus,
  type LiveSkuPrice,
} from '../../../shared';
import { MAX_PRICE_FEN } from '../catalog/admin-catalog.dto';
import { IsAssetUrl } from '../platform/http/asset-url';
import { MAX_ID } from '../platform/http/id-param.pipe';
import { OptionalField } from '../platform/http/optional-field';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { IsZonedTimestamp } from '../platform/http/zoned-timestamp';

/** A quota above this is a typo, not a plan (0 = no limit). */
const MAX_QUOTA = 1_000_000;
/** Channels ids are opaque tokens WeChat hands out: letters, digits and a few URL-safe marks. */
const CHANNELS_ID = /^[A-Za-z0-9_\-=+/.@]+$/;
const CHANNELS_ID_MESSAGE = '只能包含字母、数字和 _-=+/.@';
/** A 视频号 ID (finderUserName) as 视频号助手 shows it. */
const FINDER_USER_NAME = /^sph/;
const ROOM_ID_MESSAGE = `直播间号应为 1 到 ${MAX_ID} 的整数（小程序直播控制台里的房间号）`;

const nullable = () => ValidateIf((_, value) => value !== null);

export class LiveSkuPriceDto implements LiveSkuPrice {
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  skuId: number;

  @IsInt()
  @Min(1, { message: '直播价至少 1 分' })
  @Max(MAX_PRICE_FEN)
  livePriceFen: number;

  @IsInt()
  @Min(0, { message: '限量不能为负数（0 表示不限）' })
  @Max(MAX_QUOTA)
  unitQuota: number;
}

/**
 * A session as staff save it (create and the full replacement of PUT): per-field bounds here; the rules between
 * fields and against the catalog (provider fields, the schedule, products and SKUs, prices below list price) are in
 * live-session-rules.ts.
 */
export class LiveSessionDto implements LiveSessionInput {
  @IsIn(LIVE_PROVIDERS)
  provider: LiveProvider;

  @IsString()
  @Matches(/\S/, { message: '请填写直播标题' })
  @MaxLength(LIVE_TITLE_MAX_LENGTH, { message: `直播标题最多 ${LIVE_TITLE_MAX_LENGTH} 个字` })
  title: string;

  @nullable()
  @IsAssetUrl()
  coverUrl: string | null;

  @IsZonedTimestamp()
  plannedStartAt: string;

  @IsZonedTimestamp()
  plannedEndAt: string;

  @nullable()
  @IsString()
  @MaxLength(LIVE_FINDER_USER_NAME_MAX_LENGTH)
  @Matches(CHANNELS_ID, { message: CHANNELS_ID_MESSAGE })
  @Matches(FINDER_USER_NAME, { message: '视频号 ID 以 sph 开头，可在视频号助手「帐号设置」中查看' })
  finderUserName: string | null;

  @nullable()
  @IsString()
  @MaxLength(LIVE_CHANNELS_ID_MAX_LENGTH)
  @Matches(CHANNELS_ID, { message: CHANNELS_ID_MESSAGE })
  feedId: string | null;

  @nullable()
  @IsString()
  @MaxLength(LIVE_CHANNELS_ID_MAX_LENGTH)
  @Matches(CHANNELS_ID, { message: CHANNELS_ID_MESSAGE })
  noticeId: string | null;

  @nullable()
  @IsInt({ message: ROOM_ID_MESSAGE })
  @Min(1, { message: ROOM_ID_MESSAGE })
  @Max(MAX_ID, { message: ROOM_ID_MESSAGE })
  roomId: number | null;

  @IsArray()
  @ArrayMaxSize(LIVE_FEATURED_PRODUCTS_MAX, { message: `最多推荐 ${LIVE_FEATURED_PRODUCTS_MAX} 个商品` })
  @ArrayUnique({ message: '推荐商品不能重复' })
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  productIds: number[];

  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => LiveSkuPriceDto)
  prices: LiveSkuPriceDto[];

  @nullable()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  couponTemplateId: number | null;
}

export class LiveSessionQueryDto extends PageQueryDto {
  @OptionalField()
  @IsIn(LIVE_SESSION_STATUSES)
  status?: LiveSessionStatus;
}
