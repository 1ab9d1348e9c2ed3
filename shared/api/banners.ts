import type { Banner, BannerLinkType } from './catalog';

/** The home page holds at most this many banners (enabled or not). */
export const MAX_BANNERS = 10;

/**
 * `GET /api/v1/admin/banners` (SHOP_SETTINGS_ROLES) → AdminBanner[] in display order.
 * `POST /api/v1/admin/banners` SaveBannerRequest → 201 AdminBanner (appended last; 409 BANNER_LIMIT_REACHED beyond MAX_BANNERS).
 * `PUT /api/v1/admin/banners/:id` SaveBannerRequest → AdminBanner (404 BANNER_NOT_FOUND).
 * `DELETE /api/v1/admin/banners/:id` → 204 (404 BANNER_NOT_FOUND).
 * `PUT /api/v1/admin/banners/order` ReorderBannersRequest → AdminBanner[] (400 BANNER_ORDER_INVALID unless the
 *   ids are exactly the current banners).
 * A link to an unknown or deleted product, an unknown category or an unknown page → 400 BANNER_LINK_INVALID
 * (details: { linkType, linkTarget }).
 */
export interface AdminBanner extends Banner {
  enabled: boolean;
  /** 0-based position in the carousel. */
  sortOrder: number;
  /** What the link opens, in words ("西湖龙井", "绿茶", "领券中心"); null for none or a target that is gone. */
  linkLabel: string | null;
  /** The linked product was deleted or taken off the shelf since: shoppers do not see this banner. */
  linkBroken: boolean;
}

export interface SaveBannerRequest {
  /** 1..40 characters (the image's alternative text and the console's name for it). */
  title: string;
  /** An uploaded image (`POST /api/v1/admin/uploads`). */
  imageUrl: string;
  linkType: BannerLinkType;
  /** See Banner.linkTarget; null for linkType none. */
  linkTarget: string | null;
  enabled: boolean;
}

export interface ReorderBannersRequest {
  /** Every banner id, in the new order. */
  ids: number[];
}
