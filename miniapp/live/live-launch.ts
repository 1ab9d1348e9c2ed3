import Taro from '@tarojs/taro';
import { CHANNELS_LAUNCH_SCENES, type LiveInboundRequest } from '@shared/api/live';
import type { ChannelsShareKey } from '@/platform/types';
import { parseCustomParams } from './live-params';

/** Scenes of a share card (chat, group chat, a card in a chat): a live room's card answers getShareParams. */
const SHARE_CARD_SCENES = [1007, 1008, 1044];

/** A cold start reports its options twice (launch, then show): the same launch within a minute is one report. */
const REPEAT_WINDOW_MS = 60_000;

export type LiveLaunch = Omit<LiveInboundRequest, 'deviceId'>;

/** Where a launch's live details come from (the platform's WeChat APIs) and where it is reported. */
export interface LiveLaunchSources {
  channelsShareKey(): Promise<ChannelsShareKey | null>;
  liveRoomShareParams(scene: number): Promise<unknown>;
  report(launch: LiveLaunch): void;
}

/**
 * Reports launches and pages opened from a live as inbound live touches: a plugin room's `custom_params` (a room
 * sending the viewer to a product page, or a room's share card), or a Channels scene with its sharer
 * (getChannelsShareKey where WeChat allows it). Anything malformed is ignored; a launch is never an error.
 */
export function liveLaunchCapture(sources: LiveLaunchSources) {
  const reported = new Map<string, number>();
  const report = (launch: LiveLaunch) => {
    const key = JSON.stringify(launch);
    const now = Date.now();
    const last = reported.get(key);
    if (last !== undefined && now - last < REPEAT_WINDOW_MS) return;
    reported.set(key, now);
    sources.report(launch);
  };
  const fromRoom = (scene: number, raw: unknown) => {
    const params = parseCustomParams(raw);
    if (params) report({ scene, sessionId: params.sessionId, ...(params.shortId ? { shortId: params.shortId } : {}) });
    return params !== null;
  };

  /** A launch or show of the app (its scene and query). */
  const launch = (scene: number | undefined, query: Record<string, string | undefined> | undefined) => {
    if (!scene || !Number.isInteger(scene) || scene < 1) return;
    const roomJump = fromRoom(scene, query?.custom_params);
    if ((CHANNELS_LAUNCH_SCENES as readonly number[]).includes(scene)) {
      sources.channelsShareKey().then((sharer) => report({ scene, ...sharer }), () => {});
    }
    if (!roomJump && SHARE_CARD_SCENES.includes(scene)) {
      sources.liveRoomShareParams(scene).then((raw) => fromRoom(scene, raw), () => {});
    }
  };

  /** A page opened inside the app with a room's `custom_params` (a plugin room sending the viewer to a product). */
  const pageOpen = (query: Record<string, string | undefined>) => {
    if (!query.custom_params) return;
    let scene: number | undefined;
    try {
      scene = Taro.getEnterOptionsSync().scene;
    } catch {
      // No enter options where WeChat is not the host (H5): no launch scene to report.
    }
    launch(scene, query);
  };

  return { launch, pageOpen };
}
