import type {
  LiveClickRequest,
  LiveEntry,
  LiveFeaturedProduct,
  LiveInboundRequest,
  LiveInboundResult,
  LiveReservation,
  LiveReservationRequest,
  LiveSchedule,
  ShopperLiveSession,
} from '@shared/api/live';
import type { MyCoupon } from '@shared/api/coupons';
import { deviceId } from './device-id';
import { privacyGuard } from './privacy-consent';
import { holdReport } from './touches';
import { request } from './request';

/** The 直播 page: live, upcoming (soonest first) and past sessions. */
export function fetchLiveSchedule(): Promise<LiveSchedule> {
  return request<LiveSchedule>('/live/sessions', { toast: false });
}

/** One session (404 LIVE_SESSION_NOT_FOUND when unknown or cancelled); a member token adds their 预约 and coupon state. */
export function fetchLiveSession(sessionId: number): Promise<ShopperLiveSession> {
  return request<ShopperLiveSession>(`/live/sessions/${sessionId}`, { toast: false });
}

/** Products featured by a live or upcoming session, for the badges. */
export function fetchLiveFeatured(): Promise<LiveFeaturedProduct[]> {
  return request<LiveFeaturedProduct[]>('/live/featured', { toast: false });
}

export function reserveLiveSession(sessionId: number, body: LiveReservationRequest): Promise<LiveReservation> {
  return request<LiveReservation>(`/live/sessions/${sessionId}/reservations`, { method: 'POST', body });
}

/** 领取 the session's live coupon (409 LIVE_COUPON_UNAVAILABLE once the session is not live; toasted). */
export function claimLiveCoupon(sessionId: number): Promise<MyCoupon> {
  return request<MyCoupon>(`/live/sessions/${sessionId}/coupon`, { method: 'POST' });
}

/**
 * Sends a report carrying the device id once the shopper has agreed to the 隐私政策 (held until then, like the share
 * touches); never shows an error and never waits.
 */
function afterConsent(send: () => void): void {
  privacyGuard.hasAgreed().then((agreed) => (agreed ? send() : holdReport(send)), () => holdReport(send));
}

/** A tap on a live entry (banner, session page, product badge), recorded as a live touch; fire-and-forget. */
export function recordLiveClick(sessionId: number, entry: LiveEntry): void {
  afterConsent(() => {
    const body: LiveClickRequest = { deviceId: deviceId(), entry };
    request<void>(`/live/sessions/${sessionId}/clicks`, { method: 'POST', body, toast: false }).catch(() => {});
  });
}

/** A launch from a live (plugin room or Channels scene); fire-and-forget. */
export function recordLiveInbound(launch: Omit<LiveInboundRequest, 'deviceId'>): void {
  afterConsent(() => {
    const body: LiveInboundRequest = { deviceId: deviceId(), ...launch };
    request<LiveInboundResult>('/live/inbound', { method: 'POST', body, toast: false }).catch(() => {});
  });
}
