import { describe, expect, it } from 'vitest';
import { tableRows } from './table-rows';

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
