import { SHIPPING_ADJUSTMENT, type Fen, type PricingAdjustment } from '../../../shared';
import { shareOut } from './pricing';

/**
 * What each order line actually cost, and what refunding some of its units gives back. Pure integer-fen
 * arithmetic over the order's stored breakdown, so the preview, the refund and the tests agree to the fen.
 *
 * 1. Each adjustment except shipping (member price, promotion, coupon, points, in the order they applied) is
 *    spread over the lines it names (`skuIds`; null: every line) in proportion to what those lines still cost
 *    at that step, in whole fen (shareOut: rounded down, the fen left over to the largest remainders), so a line
 *    never gives more than it had and the parts add up to the adjustment exactly.
 * 2. A line's share is its list total plus its parts; the shares add up to payable − shipping.
 * 3. Units of a line are refunded cumulatively: after k of Q units are refunded, floor(share × k / Q) has been
 *    given back, so the refund of the last units takes the remainder and the refunds of a line add up to its share.
 * 4. Shipping goes back only with the last goods of the order, so all refunds of an order add up to the payable.
 */

export interface ShareLine {
  lineId: number;
  skuId: number;
  quantity: number;
  lineTotalFen: Fen;
  /** Units refunded (or being refunded) before this refund. */
  refundedQuantity: number;
}

export interface LineShare {
  lineId: number;
  /** What the line's units cost after every discount (payable without shipping, spread). */
  shareFen: Fen;
  /** The part of the points discount that fell on this line (for the points given back). */
  pointsFen: Fen;
  /** The part of the coupon discount that fell on this line. */
  couponFen: Fen;
}

/** Spreads the breakdown over the lines (steps 1–2). `goodsPayableFen` = payable − shipping, which the shares add up to. */
export function lineShares(lines: readonly ShareLine[], adjustments: readonly PricingAdjustment[], goodsPayableFen: Fen): LineShare[] {
  const left = lines.map((line) => line.lineTotalFen);
  const parts: Record<string, Fen[]> = {};
  for (const adjustment of adjustments) {
    if (adjustment.code === SHIPPING_ADJUSTMENT || adjustment.amountFen >= 0) continue;
    const named = lines.map((line) => adjustment.skuIds === null || adjustment.skuIds.includes(line.skuId));
    const shares = shareOut(-adjustment.amountFen, left.map((fen, index) => (named[index] ? fen : 0)));
    shares.forEach((fen, index) => {
      // shareOut never gives a line more than its weight while the discount is within the weights; min() guards bad data.
      const taken = Math.min(fen, left[index]);
      left[index] -= taken;
      (parts[adjustment.code] ??= lines.map(() => 0))[index] += taken;
    });
  }
  // Orders whose stored rows do not add up (none should) still refund exactly their payable: the difference is spread too.
  const difference = left.reduce((total, fen) => total + fen, 0) - goodsPayableFen;
  if (difference > 0) shareOut(difference, left).forEach((fen, index) => (left[index] -= fen));
  else if (difference < 0) shareOut(-difference, lines.map((line) => line.lineTotalFen)).forEach((fen, index) => (left[index] += fen));
  return lines.map((line, index) => ({
    lineId: line.lineId,
    shareFen: left[index],
    pointsFen: parts.points?.[index] ?? 0,
    couponFen: parts.coupon?.[index] ?? 0,
  }));
}

/** What refunding `quantity` more of `total` units gives back of `amount`, after `before` were refunded (step 3). */
export function unitsShare(amount: number, total: number, before: number, quantity: number): number {
  if (total <= 0) return 0;
  const upTo = (units: number) => Math.floor((amount * units) / total);
  return upTo(before + quantity) - upTo(before);
}

export interface RefundLineRequest {
  lineId: number;
  quantity: number;
}

export interface RefundLinePart {
  lineId: number;
  skuId: number;
  quantity: number;
  amountFen: Fen;
}

export interface RefundPlan {
  lines: RefundLinePart[];
  /** Shipping given back with the last goods; 0 before. */
  shippingFen: Fen;
  amountFen: Fen;
  /** Points of the order's redeemed points that go back with these units. */
  pointsReturned: number;
  /** The refunded units' share of the coupon discount (coupon statistics leave it out). */
  couponFen: Fen;
  /** After this refund every unit of the order is refunded. */
  closesOrder: boolean;
}

export interface RefundOrderFacts {
  payableFen: Fen;
  shippingFeeFen: Fen;
  pointsUsed: number;
  adjustments: readonly PricingAdjustment[];
  /** Refunded (or being refunded) before this refund. */
  refundedFen: Fen;
}

/**
 * The refund of `requested` units (step 3 per line, plus step 4), never more than what is left refundable.
 * Throws RangeError when a line is unknown or asks for more units than are left: callers check first.
 */
export function planRefund(order: RefundOrderFacts, lines: readonly ShareLine[], requested: readonly RefundLineRequest[]): RefundPlan {
  const shares = lineShares(lines, order.adjustments, order.payableFen - order.shippingFeeFen);
  const pointsByLine = shareOut(order.pointsUsed, shares.map((share) => share.pointsFen));
  const parts: RefundLinePart[] = [];
  let pointsReturned = 0;
  let couponFen = 0;
  const refundedAfter = new Map(lines.map((line) => [line.lineId, line.refundedQuantity]));
  for (const request of requested) {
    const index = lines.findIndex((line) => line.lineId === request.lineId);
    const line = lines[index];
    if (!line || request.quantity <= 0 || line.refundedQuantity + request.quantity > line.quantity) {
      throw new RangeError(`line ${request.lineId} cannot refund ${request.quantity} more units`);
    }
    const before = line.refundedQuantity;
    parts.push({
      lineId: line.lineId,
      skuId: line.skuId,
      quantity: request.quantity,
      amountFen: unitsShare(shares[index].shareFen, line.quantity, before, request.quantity),
    });
    pointsReturned += unitsShare(pointsByLine[index], line.quantity, before, request.quantity);
    couponFen += unitsShare(shares[index].couponFen, line.quantity, before, request.quantity);
    refundedAfter.set(line.lineId, before + request.quantity);
  }
  const closesOrder = lines.every((line) => refundedAfter.get(line.lineId) === line.quantity);
  const goodsFen = parts.reduce((total, part) => total + part.amountFen, 0);
  const shippingFen = closesOrder ? order.shippingFeeFen : 0;
  const leftFen = Math.max(0, order.payableFen - order.refundedFen);
  return {
    lines: parts,
    shippingFen,
    // The last refund takes exactly what is left, so an order's refunds add up to its payable to the fen.
    amountFen: closesOrder ? leftFen : Math.min(goodsFen + shippingFen, leftFen),
    pointsReturned,
    couponFen,
    closesOrder,
  };
}

/** Every unit not refunded yet: a refund of the whole remaining order. */
export function remainingUnits(lines: readonly ShareLine[]): RefundLineRequest[] {
  return lines.filter((line) => line.refundedQuantity < line.quantity).map((line) => ({ lineId: line.lineId, quantity: line.quantity - line.refundedQuantity }));
}
