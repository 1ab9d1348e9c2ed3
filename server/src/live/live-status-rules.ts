import type { LiveSessionStatus } from '../../../shared';

/** A session's status only moves forward: upcoming → live → ended; cancelled and ended are final. */
const RANK: Record<LiveSessionStatus, number> = { upcoming: 0, live: 1, ended: 2, cancelled: 3 };

/** The status a session moves to when its provider reports `reported`; null when it stays (no step backwards, nothing after an end). */
export function nextSessionStatus(current: LiveSessionStatus, reported: LiveSessionStatus): LiveSessionStatus | null {
  if (current === 'ended' || current === 'cancelled' || reported === 'cancelled') return null;
  return RANK[reported] > RANK[current] ? reported : null;
}

/**
 * A 小程序直播 room's live_status (getliveinfo) as our status. 暂停 and 异常 are interruptions of a room that
 * is on air (the anchor resumes, the stream reconnects), so the session stays live; 禁播 and 已过期 close the room
 * for good, like 已结束. null for a code WeChat has not documented: the session keeps its status.
 */
export function statusFromPluginLiveStatus(code: number): LiveSessionStatus | null {
  switch (code) {
    case 101: // 直播中
    case 105: // 暂停
    case 106: // 异常
      return 'live';
    case 102: // 未开始
      return 'upcoming';
    case 103: // 已结束
    case 104: // 禁播
    case 107: // 已过期
      return 'ended';
    default:
      return null;
  }
}

/**
 * A Channels session's status from its schedule: WeChat gives the server no state of a 视频号 live, so the
 * planned start puts it live and the planned end ends it; staff's 开播 / 结束 move it earlier (and staff extend a
 * live that runs over by editing the planned end).
 */
export function statusFromSchedule(plannedStartAt: Date, plannedEndAt: Date, now: Date): LiveSessionStatus {
  if (now.getTime() >= plannedEndAt.getTime()) return 'ended';
  if (now.getTime() >= plannedStartAt.getTime()) return 'live';
  return 'upcoming';
}
