/** Mainland mobile numbers: 11 digits starting with 1. */
export const CHINA_MOBILE_PATTERN = /^1\d{10}$/;

/** Masks a phone number for display: 13800000000 → 138****0000. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
