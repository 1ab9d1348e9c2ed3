import { SEARCH_HISTORY_MAX, withKeyword } from './search-history';

describe('search history', () => {
  it('puts the newest keyword first, trimmed, without repeating it', () => {
    expect(withKeyword(['龙井', '红茶'], ' 红茶 ')).toEqual(['红茶', '龙井']);
    expect(withKeyword([], '白茶')).toEqual(['白茶']);
  });

  it('ignores a blank keyword', () => {
    expect(withKeyword(['龙井'], '   ')).toEqual(['龙井']);
  });

  it(`keeps at most ${SEARCH_HISTORY_MAX}, dropping the oldest`, () => {
    const full = Array.from({ length: SEARCH_HISTORY_MAX }, (_, index) => `词${index}`);
    const next = withKeyword(full, '新词');
    expect(next).toHaveLength(SEARCH_HISTORY_MAX);
    expect(next[0]).toBe('新词');
    expect(next).not.toContain(`词${SEARCH_HISTORY_MAX - 1}`);
  });
});
