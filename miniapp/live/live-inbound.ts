import Taro from '@tarojs/taro';
import { CHANNELS_LAUNCH_SCENES, type LiveInboundRequest } from '@shared/api/live';
import platform from '@/platform';
import { recordLiveInbound } from '@/services/live';
import { parseCustomParams } from './live-params';

/** Scenes of a share card (chat, group chat, a card in a chat): a live room's card answers getShareParams. */
const SHARE_CARD_SCENES = [1007, 1008, 1044];

/** A cold start reports its options twice (launch, then show): the same launch within a minute is one report. */
const REPEAT_WINDOW_MS = 60_000;
const reported = new Map<string, number>();

function report(launch: Omit<LiveInboundRequest, 'deviceId'>) {
  const key = JSON.stringify(launch);
  const now = Date.now();
  const last = reported.get(key);
  if (last !== undefined && now - last < REPEAT_WINDOW_MS) return;
  reported.set(key, now);
  recordLiveInbound(launch);
}

/**
 * A launch or page opened from a live, reported as an inbound live touch (after privacy consent, see
 * recordLiveInbound): a plugin room's `custom_params` (a room sending the viewer to a product page, or a room's share
 * card), or a Channels scene with its sharer (getChannelsShareKey where WeChat allows it). Anything malformed is ignored.
 */
export function captureLiveLaunch(scene: number | undefined, query: Record<string, string | undefined> | undefined): void {
  if (!scene || !Number.isInteger(scene) || scene < 1) return;
  try {
    const fromRoom = parseCustomParams(query?.custom_params);
    if (fromRoom) report({ scene, sessionId: fromRoom.sessionId, ...(fromRoom.shortId ? { shortId: fromRoom.shortId } : {}) });
    if ((CHANNELS_LAUNCH_SCENES as readonly number[]).includes(scene)) {
      platform.channelsShareKey().then((sharer) => report({ scene, ...sharer }), () => {});
    }
    if (!fromRoom && SHARE_CARD_SCENES.includes(scene)) {
      platform.liveRoomShareParams(scene).then((raw) => {
        const shared = parseCustomParams(raw);
        if (shared) report({ scene, sessionId: shared.sessionId, ...(shared.shortId ? { shortId: shared.shortId } : {}) });
      }, () => {});
    }
  } catch {
    // A launch is never an error for the shopper.
  }
}

/** A page opened inside the app with a room's `custom_params` (a plugin room sending the viewer to a product). */
export function captureLivePageOpen(query: Record<string, string | undefined>): void {
  if (!query.custom_params) return;
  let scene: number | undefined;
  try {
    scene = Taro.getEnterOptionsSync().scene;
  } catch {
    // No enter options where WeChat is not the host (H5): no launch scene to report.
  }
  captureLiveLaunch(scene, query);
}
