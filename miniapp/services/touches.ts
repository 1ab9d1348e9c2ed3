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

/** The shopper agreed: the touch held since launch is reported now. */
export function releaseHeldTouch(): void {
  const attribution = held;
  held = null;
  if (attribution) recordTouch(attribution);
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
