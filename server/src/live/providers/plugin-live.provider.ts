import { Injectable } from '@nestjs/common';
import { WechatClient, type LiveRoomState } from '../../wechat/wechat.client';
import { statusFromPluginLiveStatus } from '../live-status-rules';
import type { LiveObservation, LiveProviderDriver, LiveSessionSnapshot } from './live-provider';

/** getliveinfo's largest page. */
const PAGE_SIZE = 100;
/** A shop has a few rooms a week; this bounds one sync even if WeChat kept answering full pages. */
const MAX_PAGES = 50;

/**
 * 小程序直播 (live-player-plugin): the room's live_status from `wxa/business/getliveinfo` is the truth, paged
 * through newest first (WeChat has no filter by room or status). A session whose room WeChat does not list keeps
 * its status.
 */
@Injectable()
export class PluginLiveProvider implements LiveProviderDriver {
  readonly provider = 'plugin' as const;
  readonly staffStartsAndEnds = false;

  constructor(private readonly wechat: WechatClient) {}

  async observe(sessions: LiveSessionSnapshot[]): Promise<Map<number, LiveObservation>> {
    const observations = new Map<number, LiveObservation>();
    if (sessions.length === 0) return observations;
    const rooms = await this.rooms(new Set(sessions.map((session) => session.roomId).filter((id): id is number => id !== null)));
    for (const session of sessions) {
      const code = session.roomId === null ? undefined : rooms.get(session.roomId);
      if (code !== undefined) observations.set(session.id, { status: statusFromPluginLiveStatus(code), providerStatusCode: code });
    }
    return observations;
  }

  /** live_status by room id for the wanted rooms, stopping once all are found or the list ends. */
  private async rooms(wanted: Set<number>): Promise<Map<number, number>> {
    const found = new Map<number, number>();
    for (let page = 0, start = 0; page < MAX_PAGES && found.size < wanted.size; page++, start += PAGE_SIZE) {
      const { total, rooms } = await this.wechat.getLiveRooms(start, PAGE_SIZE);
      rooms.filter((room: LiveRoomState) => wanted.has(room.roomId)).forEach((room) => found.set(room.roomId, room.liveStatus));
      if (rooms.length < PAGE_SIZE || start + PAGE_SIZE >= total) break;
    }
    return found;
  }
}
