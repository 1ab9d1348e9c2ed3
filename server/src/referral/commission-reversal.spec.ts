import { commissionOf, reversedAfterUnits } from './commissions.service';

/** What a record has given back once `units` of its line's units are refunded, worked out by hand. */
describe('reversedAfterUnits: the commission kept is never more than the rate of what the buyer kept', () => {
  it('share 3 fen, 3 units, 50%: 1 fen commission; 2 units back keep 1 fen paid → 0 fen commission, so all of it comes back', () => {
    const record = { baseFen: 3, rateBp: 5000, quantity: 3, originalFen: 1 };
    // 1 unit back: floor(3 × 1/3) = 1 fen refunded, 2 kept → floor(2 × 50%) = 1 kept → 0 back.
    expect(reversedAfterUnits(record, 1)).toBe(0);
    // 2 units back: floor(3 × 2/3) = 2 refunded, 1 kept → floor(1 × 50%) = 0 kept → 1 back (the old floor(1 × 2/3) gave 0).
    expect(reversedAfterUnits(record, 2)).toBe(1);
    expect(reversedAfterUnits(record, 3)).toBe(1);
  });

  it('the worked order: snack 2184 over 3 units at 20% = 436; one unit back keeps 1456 → 291, so 145 back', () => {
    const record = { baseFen: 2184, rateBp: 2000, quantity: 3, originalFen: 436 };
    expect(reversedAfterUnits(record, 0)).toBe(0);
    // 2184 − floor(2184 / 3) = 1456 kept → floor(1456 × 20%) = 291.
    expect(reversedAfterUnits(record, 1)).toBe(145);
    // 2184 − floor(4368 / 3) = 728 kept → 145 kept → 291 back.
    expect(reversedAfterUnits(record, 2)).toBe(291);
    expect(reversedAfterUnits(record, 3)).toBe(436);
  });

  it('over many shapes: monotone, 0 before any refund, everything at the last unit, and kept ≤ rate × kept share', () => {
    for (const quantity of [1, 2, 3, 4, 7]) {
      for (const baseFen of [1, 2, 3, 5, 10, 99, 1001, 4366]) {
        for (const rateBp of [1, 333, 1000, 2500, 5000, 9999, 10000]) {
          const originalFen = commissionOf(baseFen, rateBp);
          const record = { baseFen, rateBp, quantity, originalFen };
          let previous = 0;
          for (let units = 0; units <= quantity; units++) {
            const reversed = reversedAfterUnits(record, units);
            expect(reversed).toBeGreaterThanOrEqual(previous);
            const keptShare = baseFen - Math.floor((baseFen * units) / quantity);
            expect(originalFen - reversed).toBeLessThanOrEqual(Math.floor((keptShare * rateBp) / 10_000));
            previous = reversed;
          }
          expect(reversedAfterUnits(record, 0)).toBe(0);
          expect(previous).toBe(originalFen);
        }
      }
    }
  });
});
