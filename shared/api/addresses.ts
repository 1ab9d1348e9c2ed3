/** Most addresses one member may keep. */
export const MAX_ADDRESSES = 20;

/** A mainland region code (国家统计局 6-digit code of the district / county). */
export const REGION_CODE_PATTERN = /^[1-9]\d{5}$/;

/** `GET /api/v1/addresses` → Address[] (default first, then newest). Exactly one address is the default
 * whenever the member has any. */
export interface Address {
  id: number;
  recipientName: string;
  /** Mainland mobile number (CHINA_MOBILE_PATTERN), shown in full to its owner. */
  phone: string;
  provinceName: string;
  cityName: string;
  districtName: string;
  /** Code of the district, e.g. '330106' (西湖区). */
  regionCode: string;
  /** Street, building, room. */
  detail: string;
  isDefault: boolean;
}

/**
 * `POST /api/v1/addresses` (409 ADDRESS_LIMIT_REACHED past MAX_ADDRESSES), `PUT /api/v1/addresses/:id`
 * (404 ADDRESS_NOT_FOUND). recipientName 1..20, names 1..20, detail 1..120 characters.
 * `isDefault: true` makes it the default; the first address is always the default.
 * `DELETE /api/v1/addresses/:id`: deleting the default makes the newest remaining address the default.
 * `POST /api/v1/addresses/:id/default`: makes it the default.
 */
export interface SaveAddressRequest {
  recipientName: string;
  phone: string;
  provinceName: string;
  cityName: string;
  districtName: string;
  regionCode: string;
  detail: string;
  isDefault?: boolean;
}
