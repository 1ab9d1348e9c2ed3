import { describe, expect, it } from 'vitest';
import { changeAgainst, spanText, TODOS } from './overview-format';

describe('changeAgainst', () => {
  it('reads as a signed percentage with one decimal', () => {
    expect(changeAgainst(11250, 10000)).toEqual({ direction: 'up', text: '+12.5%' });
    expect(changeAgainst(9700, 10000)).toEqual({ direction: 'down', text: '−3.0%' });
    expect(changeAgainst(1, 3)).toEqual({ direction: 'down', text: '−66.7%' });
  });

  it('says 持平, 新增 or nothing where a percentage means nothing', () => {
    expect(changeAgainst(5, 5)).toEqual({ direction: 'flat', text: '持平' });
    expect(changeAgainst(3, 0)).toEqual({ direction: 'up', text: '新增' });
    expect(changeAgainst(0, 0)).toBeNull();
    expect(changeAgainst(null, null)).toBeNull();
    expect(changeAgainst(2500, null)).toEqual({ direction: 'up', text: '新增' });
  });

  it('a GMV below zero compares by its distance', () => {
    expect(changeAgainst(-500, -1000)).toEqual({ direction: 'up', text: '+50.0%' });
  });
});

describe('the 待办 strip', () => {
  it('each to-do opens its filtered list', () => {
    expect(TODOS.map((todo) => todo.link)).toEqual(['/orders?status=paid', '/orders?reminded=true', '/after-sales?status=applied', '/after-sales?status=approved&type=return_refund']);
  });

  it('names a span of days', () => {
    expect(spanText('2026-12-06', '2026-12-06')).toBe('2026-12-06');
    expect(spanText('2026-11-30', '2026-12-06')).toBe('2026-11-30 至 2026-12-06');
  });
});
