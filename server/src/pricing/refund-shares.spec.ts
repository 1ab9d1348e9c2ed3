import fc from 'fast-check';
import type { PricingAdjustment } from '../../../shared';
import { lineShares, planRefund, remainingUnits, unitsShare, type ShareLine } from './refund-shares';

const adjustment = (code: string, amountFen: number, skuIds: number[] | null = null): PricingAdjustment => ({ code, label: code, amountFen, skuIds });

// A 2 × 30.00, B 1 × 45.00, C 3 × 10.00; member price 95% on all, a 10.00 coupon, 500 points for 5.00, shipping 8.00.
const LINES: ShareLine[] = [
  { lineId: 1, skuId: 11, quantity: 2, lineTotalFen: 6000, refundedQuantity: 0 },
  { lineId: 2, skuId: 12, quantity: 1, lineTotalFen: 4500, refundedQuantity: 0 },
  { lineId: 3, skuId: 13, quantity: 3, lineTotalFen: 3000, refundedQuantity: 0 },
];
const ADJUSTMENTS = [adjustment('member_price', -675), adjustment('coupon', -1000), adjustment('points', -500), adjustment('shipping', 800)];
// 13500 − 675 − 1000 − 500 + 800
const ORDER = { payableFen: 12125, shippingFeeFen: 800, pointsUsed: 500, adjustments: ADJUSTMENTS, refundedFen: 0 };

describe('lineShares', () => {
  it('spreads each discount over what the lines still cost, in whole fen (worked by hand)', () => {
    // member price 675 over 6000/4500/3000 (of 13500): 300, 225, 150 exactly → 5700, 4275, 2850 (12825)
    // coupon 1000 over 5700/4275/2850: 444.4, 333.3, 222.2 → 444, 333, 222 and the fen left to A (largest remainder) → 445, 333, 222
    //   → 5255, 3942, 2628 (11825)
    // points 500 over 5255/3942/2628: 222.2, 166.7, 111.1 → 222, 166, 111 and the fen left to B → 222, 167, 111
    //   → 5033, 3775, 2517 (11325 = 12125 − 800 shipping)
    expect(lineShares(LINES, ADJUSTMENTS, 11325)).toEqual([
      { lineId: 1, shareFen: 5033, pointsFen: 222, couponFen: 445 },
      { lineId: 2, shareFen: 3775, pointsFen: 167, couponFen: 333 },
      { lineId: 3, shareFen: 2517, pointsFen: 111, couponFen: 222 },
    ]);
  });

  it('spreads a discount only over the lines it names', () => {
    const shares = lineShares(LINES, [adjustment('coupon', -900, [11, 13])], 12600);
    // 900 over 6000 and 3000 → 600 and 300; B keeps its 4500
    expect(shares.map((share) => share.shareFen)).toEqual([5400, 4500, 2700]);
  });
});

describe('planRefund', () => {
  it('refunds line 2, then one unit of line 3, then the rest with the shipping (worked by hand)', () => {
    const first = planRefund(ORDER, LINES, [{ lineId: 2, quantity: 1 }]);
    // B's whole share 3775, no shipping (goods are left); its 167 points go back
    expect(first).toMatchObject({ amountFen: 3775, shippingFen: 0, pointsReturned: 167, couponFen: 333, closesOrder: false });

    const afterFirst = LINES.map((line) => (line.lineId === 2 ? { ...line, refundedQuantity: 1 } : line));
    const second = planRefund({ ...ORDER, refundedFen: 3775 }, afterFirst, [{ lineId: 3, quantity: 1 }]);
    // one of C's three units: floor(2517 / 3) = 839; points floor(111 / 3) = 37; coupon floor(222 / 3) = 74
    expect(second).toMatchObject({ amountFen: 839, shippingFen: 0, pointsReturned: 37, couponFen: 74 });

    const afterSecond = afterFirst.map((line) => (line.lineId === 3 ? { ...line, refundedQuantity: 1 } : line));
    const last = planRefund({ ...ORDER, refundedFen: 3775 + 839 }, afterSecond, remainingUnits(afterSecond));
    // A 5033 + C's other two units 2517 − 839 = 1678 + shipping 800 = 7511; points 222 + 111 − 37 = 296
    expect(last).toMatchObject({ amountFen: 7511, shippingFen: 800, pointsReturned: 296, closesOrder: true });
    expect(first.amountFen + second.amountFen + last.amountFen).toBe(ORDER.payableFen);
    expect(first.pointsReturned + second.pointsReturned + last.pointsReturned).toBe(ORDER.pointsUsed);
  });

  it('never refunds more than is left, and refuses units that are gone', () => {
    expect(planRefund({ ...ORDER, refundedFen: 12000 }, LINES, [{ lineId: 2, quantity: 1 }]).amountFen).toBe(125);
    expect(() => planRefund(ORDER, LINES, [{ lineId: 2, quantity: 2 }])).toThrow(RangeError);
    expect(() => planRefund(ORDER, LINES, [{ lineId: 9, quantity: 1 }])).toThrow(RangeError);
  });
});

describe('refund shares (properties)', () => {
  const orders = fc
    .array(fc.record({ quantity: fc.integer({ min: 1, max: 5 }), unitFen: fc.integer({ min: 1, max: 50_000 }) }), { minLength: 1, maxLength: 6 })
    .chain((items) => {
      const lines: ShareLine[] = items.map((item, index) => ({
        lineId: index + 1,
        skuId: 100 + index,
        quantity: item.quantity,
        lineTotalFen: item.quantity * item.unitFen,
        refundedQuantity: 0,
      }));
      const listTotal = lines.reduce((total, line) => total + line.lineTotalFen, 0);
      return fc.record({
        lines: fc.constant(lines),
        memberFen: fc.integer({ min: 0, max: Math.floor(listTotal / 10) }),
        couponShare: fc.double({ min: 0, max: 1, noNaN: true }),
        pointsShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
        couponSkus: fc.subarray(lines.map((line) => line.skuId), { minLength: 1 }),
        shippingFeeFen: fc.integer({ min: 0, max: 2000 }),
        order: fc.shuffledSubarray(lines.flatMap((line) => Array.from({ length: line.quantity }, () => line.lineId)), { minLength: lines.reduce((n, l) => n + l.quantity, 0) }),
      });
    })
    .map(({ lines, memberFen, couponShare, pointsShare, couponSkus, shippingFeeFen, order }) => {
      const listTotal = lines.reduce((total, line) => total + line.lineTotalFen, 0);
      const couponBase = lines.filter((line) => couponSkus.includes(line.skuId)).reduce((total, line) => total + line.lineTotalFen, 0);
      // The coupon is judged on its lines after the member price (never more than they cost then).
      const couponFen = Math.floor(Math.max(0, couponBase - memberFen) * couponShare);
      const pointsFen = Math.floor((listTotal - memberFen - couponFen) * pointsShare);
      const adjustments = [
        ...(memberFen ? [adjustment('member_price', -memberFen)] : []),
        ...(couponFen ? [adjustment('coupon', -couponFen, couponSkus)] : []),
        ...(pointsFen ? [adjustment('points', -pointsFen)] : []),
        ...(shippingFeeFen ? [adjustment('shipping', shippingFeeFen)] : []),
      ];
      const payableFen = listTotal - memberFen - couponFen - pointsFen + shippingFeeFen;
      return { lines, adjustments, payableFen, shippingFeeFen, pointsUsed: pointsFen, unitOrder: order };
    });

  it('line shares add up to the goods payable, none negative, none above its line', () => {
    fc.assert(
      fc.property(orders, ({ lines, adjustments, payableFen, shippingFeeFen }) => {
        const shares = lineShares(lines, adjustments, payableFen - shippingFeeFen);
        expect(shares.reduce((total, share) => total + share.shareFen, 0)).toBe(payableFen - shippingFeeFen);
        shares.forEach((share, index) => {
          expect(share.shareFen).toBeGreaterThanOrEqual(0);
          expect(share.shareFen).toBeLessThanOrEqual(lines[index].lineTotalFen);
        });
      }),
    );
  });

  it('refunding unit by unit in any order adds up to the payable and the points used, each part within its line', () => {
    fc.assert(
      fc.property(orders, ({ lines, adjustments, payableFen, shippingFeeFen, pointsUsed, unitOrder }) => {
        let state = lines;
        let refundedFen = 0;
        let points = 0;
        const shares = lineShares(lines, adjustments, payableFen - shippingFeeFen);
        const byLine = new Map<number, number>();
        for (const lineId of unitOrder) {
          const plan = planRefund({ payableFen, shippingFeeFen, pointsUsed, adjustments, refundedFen }, state, [{ lineId, quantity: 1 }]);
          expect(plan.amountFen).toBeGreaterThanOrEqual(0);
          expect(plan.amountFen).toBeLessThanOrEqual(payableFen - refundedFen);
          for (const part of plan.lines) byLine.set(part.lineId, (byLine.get(part.lineId) ?? 0) + part.amountFen);
          refundedFen += plan.amountFen;
          points += plan.pointsReturned;
          state = state.map((line) => (line.lineId === lineId ? { ...line, refundedQuantity: line.refundedQuantity + 1 } : line));
        }
        expect(refundedFen).toBe(payableFen);
        expect(points).toBe(pointsUsed);
        shares.forEach((share) => expect(byLine.get(share.lineId)).toBe(share.shareFen));
      }),
    );
  });

  it('a share of units is never negative and the shares of all units add up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 99 }), (amount, total) => {
        let sum = 0;
        for (let before = 0; before < total; before++) {
          const part = unitsShare(amount, total, before, 1);
          expect(part).toBeGreaterThanOrEqual(0);
          sum += part;
        }
        expect(sum).toBe(amount);
      }),
    );
  });
});
