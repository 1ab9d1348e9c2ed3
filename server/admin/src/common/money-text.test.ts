import { describe, expect, it } from 'vitest';
import { fenToYuanText, yuanTextProblem, yuanTextToFen } from './money-text';

describe('yuanTextToFen', () => {
  it('converts typed yuan to integer fen without float error', () => {
    expect(yuanTextToFen('19.9')).toBe(1990);
    expect(yuanTextToFen('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(yuanTextToFen(' 1288 ')).toBe(128800);
  });

  it('treats blank text as no amount', () => {
    expect(yuanTextToFen('')).toBeNull();
    expect(yuanTextToFen('  ')).toBeNull();
    expect(yuanTextToFen(undefined)).toBeNull();
  });

  it('refuses text that is not an amount', () => {
    expect(() => yuanTextToFen('1.999')).toThrow();
    expect(() => yuanTextToFen('-3')).toThrow();
  });
});

describe('fenToYuanText', () => {
  it('shows fen as yuan with two decimals and blank for none', () => {
    expect(fenToYuanText(1990)).toBe('19.90');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYuanText(null)).toBe('');
  });

  it('round-trips with yuanTextToFen', () => {
    for (const fen of [0, 1, 99, 100, 12345, 99999999]) expect(yuanTextToFen(fenToYuanText(fen))).toBe(fen);
  });
});

describe('yuanTextProblem', () => {
  it('requires an amount only where asked', () => {
    expect(yuanTextProblem('', { required: true })).toBe('请输入金额');
    expect(yuanTextProblem('', { required: false })).toBeNull();
  });

  it('refuses zero only for positive amounts', () => {
    expect(yuanTextProblem('0.00', { required: true, positive: true })).toBe('金额必须大于 0');
    expect(yuanTextProblem('0', { required: true })).toBeNull();
    expect(yuanTextProblem('0.01', { required: true, positive: true })).toBeNull();
  });

  it('names malformed amounts', () => {
    expect(yuanTextProblem('abc', { required: false })).toMatch(/最多两位小数/);
    expect(yuanTextProblem('12.5', { required: true })).toBeNull();
  });
});
