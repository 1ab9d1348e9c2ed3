import type { LiveProvider, LiveSessionStatus } from '../../../../shared';
import type { LiveSessionRow } from '../live-session.entity';

/** What a provider says about one open session at a moment. */
export interface LiveObservation {
  /** The status the provider puts the session in; null when it does not know (the session keeps its status). */
  status: LiveSessionStatus | null;
  /** The provider's own state code when it has one (小程序直播 live_status 101–107), kept for staff to see. */
  providerStatusCode: number | null;
}

/** The open sessions' fields a provider reads. */
export type LiveSessionSnapshot = Pick<LiveSessionRow, 'id' | 'status' | 'plannedStartAt' | 'plannedEndAt' | 'roomId' | 'providerStatusCode'>;

/**
 * A live provider behind one interface (Channels 视频号, the 小程序直播 plugin): how a session's status is kept
 * current. The sync sweep asks each provider about its open (upcoming or live) sessions and applies what it says.
 */
export interface LiveProviderDriver {
  readonly provider: LiveProvider;
  /** Whether staff's 开播 / 结束 set the status (Channels), or only the provider does (plugin rooms). */
  readonly staffStartsAndEnds: boolean;
  /** One observation per session id; a session left out keeps its status. */
  observe(sessions: LiveSessionSnapshot[], now: Date): Promise<Map<number, LiveObservation>>;
}

export const LIVE_PROVIDER_DRIVERS = Symbol('LIVE_PROVIDER_DRIVERS');
