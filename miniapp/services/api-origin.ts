import { resolveAssetUrl } from '@shared/urls';

/** Absolute URL of an API path, e.g. apiUrl('/products') → `${API_ORIGIN}/api/v1/products`. */
export function apiUrl(path: string): string {
  return `${API_ORIGIN}/api/v1${path}`;
}

/** Image URLs from the API are root-relative; the mini-program is not served by the API, so it needs the origin. */
export function assetUrl(url: string | null | undefined): string {
  return resolveAssetUrl(API_ORIGIN, url);
}
