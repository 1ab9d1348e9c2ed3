import { describe, expect, it } from 'vitest';
import { buildUrl } from '@/api/client';
import { exportFilename, orderListFilters, PHONE_FILTER_PATTERN, tabFromQuery, tabLabel } from './order-filters';

describe('orderListFilters', () => {
  it('turns a filled form into the server filters, text trimmed', () => {
    expect(
      orderListFilters({
        status: 'paid',
        createdRange: ['2026-11-01', '2026-11-22'],
        orderNo: ' 202611221234567890 ',
        phone: '0000',
        product: ' 龙井 ',
      }),
    ).toEqual({ status: 'paid', from: '2026-11-01', to: '2026-11-22', orderNo: '202611221234567890', phone: '0000', product: '龙井' });
  });

  it('asks for the orders whose buyer pressed 提醒发货 only when the filter says so', () => {
    expect(orderListFilters({ reminded: 'true' })).toEqual({ reminded: true });
    expect(buildUrl('/orders', orderListFilters({ reminded: 'true' }))).toBe('/api/v1/admin/orders?reminded=true');
    expect(orderListFilters({ reminded: '' })).toEqual({});
  });

  it('leaves out blank fields and statuses the server does not know', () => {
    expect(orderListFilters({ status: 'lost', orderNo: '  ', phone: '', product: undefined, createdRange: [] })).toEqual({});
  });

  it('gives the list and the export the same query string', () => {
    const filters = orderListFilters({ status: 'shipped', product: '桂花 乌龙', createdRange: ['2026-11-01', '2026-11-02'] });
    expect(buildUrl('/orders/export', filters)).toBe(
      '/api/v1/admin/orders/export?status=shipped&from=2026-11-01&to=2026-11-02&product=%E6%A1%82%E8%8A%B1+%E4%B9%8C%E9%BE%99',
    );
    expect(buildUrl('/orders', { ...filters, page: 2, pageSize: 20 })).toBe(
      '/api/v1/admin/orders?status=shipped&from=2026-11-01&to=2026-11-02&product=%E6%A1%82%E8%8A%B1+%E4%B9%8C%E9%BE%99&page=2&pageSize=20',
    );
  });
});

describe('PHONE_FILTER_PATTERN', () => {
  it('accepts a full mobile number or its last 4 digits only', () => {
    expect(PHONE_FILTER_PATTERN.test('13800000000')).toBe(true);
    expect(PHONE_FILTER_PATTERN.test('0000')).toBe(true);
    expect(PHONE_FILTER_PATTERN.test('138000')).toBe(false);
    expect(PHONE_FILTER_PATTERN.test('23800000000')).toBe(false);
  });
});

describe('exportFilename', () => {
  it('names the file by day', () => {
    expect(exportFilename('20261122')).toBe('订单导出-20261122.csv');
  });
});

describe('the status tabs', () => {
  it('take the tab from the address, 全部 for none or an unknown status', () => {
    expect(tabFromQuery('paid')).toBe('paid');
    expect(tabFromQuery(null)).toBe('all');
    expect(tabFromQuery('lost')).toBe('all');
  });

  it('name each tab with its count, 0 for a status no order has', () => {
    const counts = { total: 12, byStatus: { paid: 3, completed: 9 } };
    expect(tabLabel('all', counts)).toBe('全部（12）');
    expect(tabLabel('paid', counts)).toBe('待发货（3）');
    expect(tabLabel('after_sale', counts)).toBe('售后中（0）');
    expect(tabLabel('paid', null)).toBe('待发货');
  });
});
