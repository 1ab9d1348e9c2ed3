import { compactYuan, formatFen, formatYuan, parseYuanToFen, roundYuan } from './money';

describe('money text', () => {
  it('formats fen as yuan with two decimals, with and without the sign', () => {
    expect([1990, 5, 0, -1234].map(formatFen)).toEqual(['19.90', '0.05', '0.00', '-12.34']);
    expect(formatYuan(1990)).toBe('¥19.90');
    expect(() => formatFen(1.5)).toThrow('integer fen');
  });

  it('writes coupon amounts without trailing zeros', () => {
    expect([3000, 3050, 3005, 99, 0, 1, 2950, 10000, 1999].map(compactYuan)).toEqual(['30', '30.5', '30.05', '0.99', '0', '0.01', '29.5', '100', '19.99']);
  });

  it('drops .00 from whole yuan and keeps both cents otherwise, as the member center writes amounts', () => {
    expect([99_00, 1234, 1230, 5, 0].map(roundYuan)).toEqual(['¥99', '¥12.34', '¥12.30', '¥0.05', '¥0']);
  });

  it('reads typed yuan without floating point', () => {
    expect(['19.9', '19.90', '20', ' 0.01 '].map(parseYuanToFen)).toEqual([1990, 1990, 2000, 1]);
    expect(['', '1.234', '-1', 'abc', '1e3'].map(parseYuanToFen)).toEqual([null, null, null, null, null]);
  });
});
