import { newOutBillNo } from './withdrawals.service';

describe('newOutBillNo', () => {
  it('is WeChat-legal (≤ 32 letters and digits), dated in China time, and differs every time', () => {
    const at = new Date('2026-12-06T17:30:05Z');
    const numbers = new Set(Array.from({ length: 50 }, () => newOutBillNo(at)));
    expect(numbers.size).toBe(50);
    for (const number of numbers) {
      expect(number).toMatch(/^[0-9A-Za-z]{1,32}$/);
      expect(number.startsWith('WD20261207013005')).toBe(true);
    }
  });
});
