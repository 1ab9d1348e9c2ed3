import type { RecordTouchRequest } from '@shared/api/attribution';
import type { Attribution } from './attribution';
import { deviceId } from './device-id';
import { request } from './request';

/** A touch captured before the shopper agreed to the 隐私政策: sent once they agree, never before. */
let held: Attribution | null = null;

/** Keeps the touch until consent (the device id is personal data: nothing leaves the device before it). */
export function holdTouch(attribution: Attribution): void {
  held = attribution;
}

/** Other reports made before consent (taps on live entries, launches from a live), sent with the touch; a few at most. */
const heldReports: (() => void)[] = [];
const HELD_REPORTS_MAX = 20;

/** Keeps a report that carries the device id until the shopper agrees (see holdTouch). */
export function holdReport(send: () => void): void {
  if (heldReports.length < HELD_REPORTS_MAX) heldReports.push(send);
}

/** The shopper agreed: the touch and the reports held since launch are sent now. */
export function releaseHeldTouch(): void {
  const attribution = held;
  held = null;
  if (attribution) recordTouch(attribution);
  heldReports.splice(0).forEach((send) => send());
}

/** Tells the server this device arrived with a share link or channel (first and last touch); never shows an error. */
export function recordTouch(attribution: Attribution): void {
  if (!attribution.shortId && !attribution.channel) return;
  const body: RecordTouchRequest = {
    deviceId: deviceId(),
    ...(attribution.shortId ? { shortId: attribution.shortId } : {}),
    ...(attribution.channel ? { channel: attribution.channel } : {}),
  };
  request<void>('/touches', { method: 'POST', body, toast: false }).catch(() => {});
}
