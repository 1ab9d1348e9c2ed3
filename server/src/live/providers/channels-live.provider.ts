import { Injectable } from '@nestjs/common';
import { statusFromSchedule } from '../live-status-rules';
import type { LiveObservation, LiveProviderDriver, LiveSessionSnapshot } from './live-provider';

/**
 * 视频号 live: WeChat's Channels APIs (getChannelsLiveInfo, reserveChannelsLive) run only in the mini-program, so
 * the server knows a live's state from its schedule and staff's 开播 / 结束 only.
 */
@Injectable()
export class ChannelsLiveProvider implements LiveProviderDriver {
  readonly provider = 'channels' as const;
  readonly staffStartsAndEnds = true;

  async observe(sessions: LiveSessionSnapshot[], now: Date): Promise<Map<number, LiveObservation>> {
    return new Map(sessions.map((session) => [session.id, { status: statusFromSchedule(session.plannedStartAt, session.plannedEndAt, now), providerStatusCode: null }]));
  }
}
