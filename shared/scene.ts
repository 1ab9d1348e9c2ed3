/**
 * Share short ids: what a mini-program code's `scene` and a share link's `?s=` carry.
 *
 * WeChat's getwxacodeunlimit takes a `scene` of at most 32 visible characters from
 * [0-9A-Za-z!#$&'()*+,/:;=?@-._~] (no `%`, so nothing can be percent-encoded into it). A whole payload
 * (sharer, product or team, channel, live session) does not fit, so the scene is a short id the server maps
 * to a `share_links` row: a version character, then the row id in base62. A share path carries the same id
 * as `?s=<shortId>`; scanning a code opens the page with `scene=<shortId>` (delivered URL-encoded).
 */

/** The most characters WeChat accepts in a mini-program code's scene. */
export const SCENE_MAX_LENGTH = 32;
/** Every character WeChat allows in a scene. */
export const SCENE_ALLOWED = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** First character of a short id: lets a later format be told apart from this one. */
const SHORT_ID_VERSION = 'a';
/** Version + base62 of a positive safe integer (at most 9 digits). */
const SHORT_ID_PATTERN = /^a[1-9A-Za-z][0-9A-Za-z]{0,8}$/;
/** The query parameter of share paths and H5 URLs. */
export const SHARE_QUERY_PARAM = 's';

/** The short id of a share link row id (a positive safe integer). */
export function encodeShortId(id: number): string {
  if (!Number.isSafeInteger(id) || id < 1) throw new RangeError(`share link id must be a positive safe integer: ${id}`);
  let digits = '';
  for (let rest = id; rest > 0; rest = Math.floor(rest / 62)) digits = BASE62[rest % 62] + digits;
  return SHORT_ID_VERSION + digits;
}

/** The row id of a short id, or null when the text is not a short id of this format. */
export function decodeShortId(shortId: string): number | null {
  if (!SHORT_ID_PATTERN.test(shortId)) return null;
  let id = 0;
  for (const char of shortId.slice(1)) id = id * 62 + BASE62.indexOf(char);
  return Number.isSafeInteger(id) ? id : null;
}

/** `decodeURIComponent` that keeps text which is not valid percent-encoding as it came. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The short id a launch's `scene` carries (as WeChat delivers it: URL-encoded), or null. `s=<id>` is accepted
 * too, for codes whose scene was written in query form.
 */
export function shortIdFromScene(scene: string | undefined | null): string | null {
  if (!scene) return null;
  const decoded = safeDecode(scene).trim();
  const value = decoded.startsWith(`${SHARE_QUERY_PARAM}=`) ? decoded.slice(SHARE_QUERY_PARAM.length + 1) : decoded;
  return decodeShortId(value) === null ? null : value;
}

/**
 * The short id of a page's or launch's query: `?s=` of a share path or H5 URL first, else a code's `scene`.
 * Unknown formats answer null (they are ignored, never an error).
 */
export function shortIdFromQuery(query: Record<string, string | undefined> | undefined | null): string | null {
  const fromLink = query?.[SHARE_QUERY_PARAM];
  if (fromLink) {
    const value = safeDecode(fromLink).trim();
    if (decodeShortId(value) !== null) return value;
  }
  return shortIdFromScene(query?.scene);
}

/**
 * A share path for onShareAppMessage: the page path (leading `/`) with its query and, when there is a share
 * link, `s=<shortId>` appended.
 */
export function sharePath(page: string, query: Record<string, string | number>, shortId?: string): string {
  const pairs = Object.entries(query).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  if (shortId) pairs.push(`${SHARE_QUERY_PARAM}=${shortId}`);
  const path = `/${page.replace(/^\//, '')}`;
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}
