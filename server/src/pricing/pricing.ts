import type { Fen, OrderPricing, ShippingRule } from '../../../shared';

/**
 * The pricing pipeline of an order, in this order and shown line by line to the shopper:
 *   list price → member price → coupon → points → shipping → payable.
 * Pure integer-fen arithmetic; every percentage result rounds DOWN to the fen (a member unit price, a
 * points value) and no step takes an amount below zero. A non-empty order keeps MIN_PAYABLE_FEN to pay.
 */

/** The least a non-empty order costs: WeChat Pay refuses an amount below 1 fen. */
export const MIN_PAYABLE_FEN = 1;

export interface PricedItem {
  unitPriceFen: Fen;
  quantity: number;
  /** The member price applies to the line (the product takes part and its price source allows it); true when omitted. */
  memberPriceEnabled?: boolean;
  /** A coupon may take from the line (its price source allows it); true when omitted. */
  couponEnabled?: boolean;
  /** Points may pay for the line (its price source allows it); true when omitted. */
  pointsEnabled?: boolean;
}

/** How points may pay: `pointsPerYuan` points are worth 1 元, and they pay at most `maxSharePercent` of the goods. */
export interface PointsRule {
  pointsPerYuan: number;
  maxSharePercent: number;
}

export interface PricingOptions {
  /** The shop's shipping fee rule. */
  shipping: ShippingRule;
  /** The member level's price: the share of the price a member pays on eligible products (100 = none). */
  memberPricePercent?: number;
  /** The member level's own free-shipping threshold; the lower of it and the shop's applies. */
  levelFreeShippingThresholdFen?: Fen | null;
  /** The chosen coupon's saving, judged on the member-priced goods of the lines a coupon may take from (see memberPricedAmounts). */
  couponDiscountFen?: Fen;
  /** Points to redeem: the member's balance and the rule; null or omitted = no points. */
  points?: (PointsRule & { balance: number }) | null;
}

export interface OrderPricingWithPoints extends OrderPricing {
  /** Points the pointsDiscountFen costs. */
  pointsUsed: number;
}

/** The unit price a member pays: the level's share of the list price, rounded down to the fen. */
export function memberUnitPrice(item: PricedItem, memberPricePercent: number): Fen {
  if (item.memberPriceEnabled === false || memberPricePercent >= 100) return item.unitPriceFen;
  return Math.floor((item.unitPriceFen * memberPricePercent) / 100);
}

/** Each item's amount at member price (what coupons are judged on), in the items' order. */
export function memberPricedAmounts(items: PricedItem[], memberPricePercent = 100): Fen[] {
  return items.map((item) => memberUnitPrice(item, memberPricePercent) * item.quantity);
}

/**
 * The points that pay for part of `goodsFen`: as many as the balance allows, at most maxSharePercent of the
 * goods (rounded down) and at most `roomFen`, and only whole fen of them: no point is spent for less than a fen.
 */
export function redeemPoints(
  goodsFen: Fen,
  points: PointsRule & { balance: number },
  roomFen: Fen = Number.MAX_SAFE_INTEGER,
): { pointsUsed: number; pointsDiscountFen: Fen } {
  const capFen = Math.floor((Math.max(0, goodsFen) * points.maxSharePercent) / 100);
  const balanceWorthFen = Math.floor((Math.max(0, points.balance) * 100) / points.pointsPerYuan);
  const pointsDiscountFen = Math.min(capFen, balanceWorthFen, Math.max(0, roomFen));
  // The fewest points worth that many fen (never more than the balance, since the balance is worth at least that).
  return { pointsUsed: Math.ceil((pointsDiscountFen * points.pointsPerYuan) / 100), pointsDiscountFen };
}

/**
 * The flat fee, or nothing when the goods reach the free-shipping threshold or there is nothing to ship.
 * Goods that discounts brought to 0 fen still ship for the fee.
 */
export function shippingFeeFor(goodsFen: Fen, rule: ShippingRule, nothingToShip = goodsFen <= 0): Fen {
  if (nothingToShip) return 0;
  if (rule.freeShippingThresholdFen !== null && goodsFen >= rule.freeShippingThresholdFen) return 0;
  return rule.shippingFeeFen;
}

/**
 * Prices an order from the server's own unit prices. The free-shipping threshold is measured on the goods
 * after member price and coupon (what the goods cost), before points (a way of paying for them).
 * Each line's flags say what stacks on it: the coupon takes only from lines that allow coupons, points pay
 * only for lines that allow points (their goods after their share of the coupon). With every line allowing
 * everything this is the whole order's goods, as it always was.
 */
export function priceOrder(items: PricedItem[], options: PricingOptions): OrderPricingWithPoints {
  const listTotalFen = items.reduce((sum, item) => sum + item.unitPriceFen * item.quantity, 0);
  const memberAmounts = memberPricedAmounts(items, options.memberPricePercent);
  const memberTotalFen = sum(memberAmounts);
  const memberDiscountFen = listTotalFen - memberTotalFen;
  const shippingRule = {
    shippingFeeFen: options.shipping.shippingFeeFen,
    freeShippingThresholdFen: lowerThreshold(options.shipping.freeShippingThresholdFen, options.levelFreeShippingThresholdFen ?? null),
  };
  // WeChat Pay takes at least 1 fen: the discounts leave an order with goods that much to pay (points give way first, then the coupon).
  const leastFen = items.length > 0 ? MIN_PAYABLE_FEN : 0;
  const couponBases = memberAmounts.map((fen, index) => (items[index].couponEnabled === false ? 0 : fen));
  let couponDiscountFen = Math.min(Math.max(0, options.couponDiscountFen ?? 0), sum(couponBases));
  if (memberTotalFen - couponDiscountFen + shippingFeeFor(memberTotalFen - couponDiscountFen, shippingRule, items.length === 0) < leastFen) {
    couponDiscountFen = Math.max(0, Math.min(couponDiscountFen, memberTotalFen - leastFen));
  }
  const goodsFen = memberTotalFen - couponDiscountFen;
  const shippingFeeFen = shippingFeeFor(goodsFen, shippingRule, items.length === 0);
  const couponShares = shareOut(couponDiscountFen, couponBases);
  const pointsBaseFen = sum(memberAmounts.map((fen, index) => (items[index].pointsEnabled === false ? 0 : fen - couponShares[index])));
  const { pointsUsed, pointsDiscountFen } = options.points
    ? redeemPoints(pointsBaseFen, options.points, goodsFen + shippingFeeFen - leastFen)
    : { pointsUsed: 0, pointsDiscountFen: 0 };
  return {
    listTotalFen,
    memberDiscountFen,
    promotionDiscountFen: 0,
    couponDiscountFen,
    pointsDiscountFen,
    shippingFeeFen,
    payableFen: goodsFen - pointsDiscountFen + shippingFeeFen,
    pointsUsed,
  };
}

/**
 * Splits `totalFen` over the weights in proportion, in whole fen that add up to exactly `totalFen`: each
 * part rounded down, the fen left over going one by one to the largest remainders (the earlier line on a tie).
 */
export function shareOut(totalFen: Fen, weights: Fen[]): Fen[] {
  const weightTotal = sum(weights);
  if (weightTotal <= 0 || totalFen <= 0) return weights.map(() => 0);
  // In BigInt: a large coupon times a large line can pass 2^53, where doubles stop counting every fen.
  const parts = weights.map((weight) => BigInt(totalFen) * BigInt(weight));
  const shares = parts.map((part) => Number(part / BigInt(weightTotal)));
  const byRemainder = parts
    .map((part, index) => ({ index, remainder: part % BigInt(weightTotal) }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (let left = totalFen - sum(shares), next = 0; left > 0; left--, next++) shares[byRemainder[next].index] += 1;
  return shares;
}

function sum(amounts: Fen[]): Fen {
  return amounts.reduce((total, fen) => total + fen, 0);
}

function lowerThreshold(a: Fen | null, b: Fen | null): Fen | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
