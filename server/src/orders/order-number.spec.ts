import { newOrderNo, ORDER_NO_PATTERN } from './order-number';

describe('newOrderNo', () => {
  it('starts with the date in China and has 18 digits', () => {
    // 2026-11-22 17:30 UTC is already the 23rd in China.
    const orderNo = newOrderNo(new Date('2026-11-22T17:30:00Z'));
    expect(orderNo).toMatch(ORDER_NO_PATTERN);
    expect(orderNo.startsWith('20261123')).toBe(true);
  });

  it('is not a sequence: numbers placed one after the other share nothing beyond the date', () => {
    const now = new Date();
    const numbers = Array.from({ length: 1000 }, () => Number(newOrderNo(now).slice(8)));
    expect(new Set(numbers).size).toBe(1000);
    const steps = numbers.slice(1).map((n, i) => Math.abs(n - numbers[i]));
    // Consecutive random 10-digit suffixes are almost never within 1000 of each other.
    expect(steps.filter((step) => step < 1000).length).toBeLessThan(3);
  });
});
