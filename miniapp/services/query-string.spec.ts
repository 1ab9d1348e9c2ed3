import { buildQuery } from './query-string';

describe('query strings', () => {
  it('encodes values and leaves out empty ones', () => {
    expect(buildQuery({ keyword: '龙井 茶', page: 2, categoryId: undefined, sort: '' })).toBe(
      '?keyword=%E9%BE%99%E4%BA%95%20%E8%8C%B6&page=2',
    );
    expect(buildQuery({})).toBe('');
  });
});
