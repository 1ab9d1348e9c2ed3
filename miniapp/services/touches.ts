import type { RecordTouchRequest } from '@shared/api/attribution';
import type { Attribution } from './attribution';
import { deviceId } from './device-id';
import { request } from './request';

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
