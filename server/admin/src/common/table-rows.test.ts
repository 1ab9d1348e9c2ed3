import { describe, expect, it } from 'vitest';
import { tableRows, tableRowsOrFailure } from './table-rows';

describe('tableRows', () => {
  it('hands ProTable the page and the total of the whole list', async () => {
    const rows = await tableRows(Promise.resolve({ items: ['a', 'b'], total: 12, page: 1, pageSize: 2 }));
    expect(rows).toEqual({ data: ['a', 'b'], total: 12, success: true });
  });

  it('answers a failed load with an empty, unsuccessful page instead of throwing', async () => {
    const rows = await tableRows<string>(Promise.reject(new Error('网络错误')));
    expect(rows).toEqual({ data: [], total: 0, success: false });
  });
});

describe('tableRowsOrFailure', () => {
  it('hands over the page and clears an earlier failure', async () => {
    const failures: (string | null)[] = [];
    const rows = await tableRowsOrFailure(Promise.resolve({ items: ['a'], total: 1, page: 1, pageSize: 20 }), (message) => failures.push(message));
    expect(rows).toEqual({ data: ['a'], total: 1, success: true });
    expect(failures).toEqual([null]);
  });

  it('keeps the failure for the empty state instead of throwing', async () => {
    const failures: (string | null)[] = [];
    const rows = await tableRowsOrFailure<string>(Promise.reject('网络错误'), (message) => failures.push(message));
    expect(rows).toEqual({ data: [], total: 0, success: false });
    expect(failures).toEqual(['网络错误']);
  });
});
