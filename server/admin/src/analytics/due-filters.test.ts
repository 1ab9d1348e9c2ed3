import { describe, expect, it } from 'vitest';
import { buildUrl } from '@/api/client';
import { dueExportFilename, dueListFilters, spendRangeProblem } from './due-filters';

describe('dueListFilters', () => {
  it('turns typed yuan into integer fen without float error', () => {
    expect(dueListFilters({ levelId: 3, minSpent: '0.29', maxSpent: ' 1288.5 ' })).toEqual({
      levelId: 3,
      minSpentFen: 29,
      maxSpentFen: 128850,
    });
  });

  it('leaves out blank fields and keeps a zero bound', () => {
    expect(dueListFilters({ minSpent: '', maxSpent: '  ' })).toEqual({});
    expect(dueListFilters({ minSpent: '0' })).toEqual({ minSpentFen: 0 });
  });

  it('gives the list and the export the same query string', () => {
    const filters = dueListFilters({ levelId: 2, minSpent: '100' });
    expect(buildUrl('/analytics/due-for-repurchase.csv', filters)).toBe('/api/v1/admin/analytics/due-for-repurchase.csv?levelId=2&minSpentFen=10000');
    expect(buildUrl('/analytics/due-for-repurchase', { ...filters, page: 2, pageSize: 20 })).toBe(
      '/api/v1/admin/analytics/due-for-repurchase?levelId=2&minSpentFen=10000&page=2&pageSize=20',
    );
  });
});

describe('spendRangeProblem', () => {
  it('refuses an upper bound below the lower one', () => {
    expect(spendRangeProblem('100', '99.99')).toBe('最高累计实付不能低于最低累计实付');
    expect(spendRangeProblem('100', '100')).toBeNull();
  });

  it('has nothing to say about one bound alone or a malformed amount (its own rule names that)', () => {
    expect(spendRangeProblem('', '5')).toBeNull();
    expect(spendRangeProblem('abc', '5')).toBeNull();
  });
});

describe('dueExportFilename', () => {
  it('names the file by day', () => {
    expect(dueExportFilename('20261122')).toBe('待复购会员-20261122.csv');
  });
});
