import { chinaRfc3339 } from '../../../../shared';

/** WeChat Pay's error answer: {code, message}. */
export function payError(status: number, code: string, message: string): { status: number; body: { code: string; message: string } } {
  return { status, body: { code, message } };
}

/** yyyyMMddHHmmss in Beijing time, the prefix WeChat's ids carry. */
export function formatCompactTime(nowMs: number): string {
  return chinaRfc3339(new Date(nowMs)).slice(0, 19).replace(/\D/g, '');
}
