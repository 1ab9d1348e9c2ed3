/**
 * The API returns file URLs as root-relative paths (`/uploads/…`) so one response serves every origin;
 * a client that is not served by the API origin (the mini-program) resolves them against it.
 */
export function resolveAssetUrl(apiOrigin: string, url: string | null | undefined): string {
  if (!url) return '';
  if (/^(https?:)?\/\//.test(url) || url.startsWith('data:')) return url;
  return `${apiOrigin.replace(/\/+$/, '')}${url.startsWith('/') ? '' : '/'}${url}`;
}
