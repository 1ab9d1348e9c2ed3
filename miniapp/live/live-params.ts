/**
 * What a 小程序直播 room carries for us: `custom_params` (at most 600 characters, WeChat cuts the rest) goes into the
 * room with the session and the shopper's share link, and comes back on the room's share cards and when the room
 * sends a viewer to one of our product pages. Everything that comes back is untrusted input.
 */
import { decodeShortId } from '@shared/scene';

/** WeChat truncates custom_params beyond this many characters (protocols §4.1). */
export const CUSTOM_PARAMS_MAX_LENGTH = 600;

/** The 小程序直播 plugin's provider app id and its room page. */
export const LIVE_PLUGIN_APP_ID = 'wx2b03c6e691cd7370';
const LIVE_PLUGIN_ROOM_PAGE = `plugin-private://${LIVE_PLUGIN_APP_ID}/pages/live-player-plugin`;

export interface LiveRoomParams {
  sessionId: number;
  /** The short id of the share link of the shopper who entered the room (their shares are attributed to them). */
  shortId?: string;
}

/**
 * The room's custom_params, URL-encoded as the room address takes it: `{"sessionId":3,"s":"a3D"}`. A short id that
 * would push it past the limit (it cannot: short ids are ≤ 10 characters, but the limit is WeChat's) is left out
 * rather than cut, so the session always arrives whole.
 */
export function encodeCustomParams({ sessionId, shortId }: LiveRoomParams): string {
  const withSharer = encodeURIComponent(JSON.stringify(shortId ? { sessionId, s: shortId } : { sessionId }));
  if (withSharer.length <= CUSTOM_PARAMS_MAX_LENGTH) return withSharer;
  return encodeURIComponent(JSON.stringify({ sessionId }));
}

/** The plugin's room page for a room, carrying our custom_params. */
export function pluginRoomUrl(roomId: number, params: LiveRoomParams): string {
  return `${LIVE_PLUGIN_ROOM_PAGE}?room_id=${roomId}&custom_params=${encodeCustomParams(params)}`;
}

function decodeRepeatedly(text: string): string {
  // A page query may hand the value over still encoded once or twice (the room encodes it, the page path again).
  let value = text;
  for (let round = 0; round < 3 && /%[0-9A-Fa-f]{2}/.test(value); round += 1) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * The session and sharer of custom_params as they come back: a string (URL-encoded or not: a page's query) or the
 * object getShareParams answers. Null for anything that is not ours: no positive integer sessionId, text longer
 * than WeChat lets through, bad JSON. A short id of an unknown format is dropped, the session kept.
 */
export function parseCustomParams(raw: unknown): LiveRoomParams | null {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    if (raw.length === 0 || raw.length > CUSTOM_PARAMS_MAX_LENGTH * 3) return null;
    try {
      value = JSON.parse(decodeRepeatedly(raw.trim()));
    } catch {
      return null;
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { sessionId, s } = value as Record<string, unknown>;
  const id = typeof sessionId === 'string' && /^\d{1,15}$/.test(sessionId) ? Number(sessionId) : sessionId;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) return null;
  const shortId = typeof s === 'string' && decodeShortId(s) !== null ? s : undefined;
  return shortId ? { sessionId: id, shortId } : { sessionId: id };
}
