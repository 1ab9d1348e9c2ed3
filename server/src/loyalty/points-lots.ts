/** What is left of a credited lot, in the order debits consume them (the one expiring first first). */
export interface OpenLot {
  id: number;
  remaining: number;
}

/**
 * How a debit of `amount` points is taken from the open lots: `preferredLotId` first (taking back the
 * points an order earned takes them from that order's own lot), then the lots in the given order.
 * Answers what to take from each lot; throws when the lots hold less than the amount (the balance and
 * the lots would disagree, which the callers' conditional balance update rules out).
 */
export function planDebit(lots: readonly OpenLot[], amount: number, preferredLotId?: number): { lotId: number; take: number }[] {
  const ordered = [...lots.filter((lot) => lot.id === preferredLotId), ...lots.filter((lot) => lot.id !== preferredLotId)];
  const plan: { lotId: number; take: number }[] = [];
  let left = amount;
  for (const lot of ordered) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    if (take > 0) plan.push({ lotId: lot.id, take });
    left -= take;
  }
  if (left > 0) throw new Error(`points lots hold ${amount - left} of the ${amount} points to debit`);
  return plan;
}

/** Points an order earns: `pointsPerYuan` per whole 元 of goods actually paid (payable minus shipping), rounded down. */
export function pointsEarned(payableFen: number, shippingFeeFen: number, pointsPerYuan: number): number {
  const goodsPaidFen = Math.max(0, payableFen - shippingFeeFen);
  return Math.floor((goodsPaidFen * pointsPerYuan) / 100);
}

/** `months` calendar months after `from`; a day the target month lacks becomes its last day (Jan 31 + 1 → Feb 28/29). */
export function addMonths(from: Date, months: number): Date {
  const result = new Date(from.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
