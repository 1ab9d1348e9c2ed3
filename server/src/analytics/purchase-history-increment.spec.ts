import { chinaDay } from '../../../shared/china-time';
import { addNewestPaidOrder, summarizePurchases, type PaidOrderFact } from './purchase-history';

/** A repeatable pseudo-random sequence. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('addNewestPaidOrder', () => {
  it('gives what summarizing the whole history gives, one newest order at a time', () => {
    const next = random(7);
    for (let member = 0; member < 200; member++) {
      const history: PaidOrderFact[] = [];
      let at = Date.parse('2026-01-01T00:00:00+08:00') + Math.floor(next() * 86_400_000);
      let summary = null;
      for (let orderId = 1; orderId <= 8; orderId++) {
        // Same second, same day, or days later (China days change at 16:00 UTC).
        const gap = [0, 3_600_000, 86_400_000 * Math.ceil(next() * 40)][Math.floor(next() * 3)];
        at += gap;
        const paidAt = new Date(at);
        const fact = { orderId, memberId: 1, paidAt, paidDay: chinaDay(paidAt), netPaidFen: 100 + Math.floor(next() * 10_000) };
        history.push(fact);
        summary = summary ? addNewestPaidOrder(summary, fact, 45) : summarizePurchases([fact], 45);
        expect(summary).toEqual(summarizePurchases(history, 45));
      }
    }
  });
});
