/** Tab badge text for a unit count: nothing for 0, '99+' past 99 (the badge has room for 3 characters). */
export function cartBadgeText(count: number): string | null {
  if (count <= 0) return null;
  return count > 99 ? '99+' : String(count);
}
