/**
 * The shop as shoppers see it: name, logo, customer service and the announcement bar.
 * `GET /api/v1/shop/profile` (no sign-in needed).
 */
export interface ShopProfile {
  /** 1..20 characters; the storefront's title and copy use it. */
  shopName: string;
  /** An uploaded image's URL, or null for the built-in mark. */
  logoUrl: string | null;
  /** Customer service phone (digits, spaces, + and -), or null when the shop has none. */
  servicePhone: string | null;
  /** Free text such as "每天 9:00–21:00", or null. */
  serviceHours: string | null;
  /** The announcement bar on the home page; null or empty hides it. */
  announcement: string | null;
}

/** Where shoppers send goods back (退货退款), shown to the shopper once a return is approved. */
export interface ReturnAddress {
  recipientName: string;
  phone: string;
  /** Province, city, district and street in one line. */
  address: string;
}

/** `GET /api/v1/admin/settings/profile`, `PUT /api/v1/admin/settings/profile` (SHOP_SETTINGS_ROLES). */
export interface AdminShopProfile extends ShopProfile {
  /** null until the shop enters one; approving a 退货退款 needs it. */
  returnAddress: ReturnAddress | null;
}
