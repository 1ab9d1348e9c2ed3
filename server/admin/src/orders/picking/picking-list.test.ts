import type { PickingListOrder } from '@shared/api/admin-orders';
import { describe, expect, it } from 'vitest';
import { orderNosFromQuery, pickingListPath, pickingSelectionProblem, pickingTotals } from './picking-list';

const order = (orderNo: string, lines: PickingListOrder['lines']): PickingListOrder => ({
  orderNo,
  status: 'paid',
  paidAt: null,
  receiverName: '李四',
  receiverPhone: '13912345678',
  receiverAddress: '浙江省杭州市西湖区文三路 100 号',
  remark: '',
  itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
  lines,
  shipment: null,
});

describe('picking list', () => {
  it('carries the order numbers in its URL and reads them back', () => {
    const path = pickingListPath(['A1', 'B2']);
    expect(path).toBe('/picking-list?orderNos=A1%2CB2');
    expect(orderNosFromQuery(path.slice(path.indexOf('?')))).toEqual(['A1', 'B2']);
    expect(orderNosFromQuery('?orderNos=A1,,A1, B2 ')).toEqual(['A1', 'B2']);
    expect(orderNosFromQuery('')).toEqual([]);
  });

  it('asks for a selection of 1 to 50 orders', () => {
    expect(pickingSelectionProblem(0)).toBe('请先勾选要打印的订单');
    expect(pickingSelectionProblem(50)).toBeNull();
    expect(pickingSelectionProblem(51)).toBe('一次最多打印 50 个订单');
  });

  it('adds up pieces per SKU code over the orders', () => {
    const orders = [
      order('A1', [
        { skuCode: 'LJ-250', title: '西湖龙井', specValues: ['250g'], quantity: 2 },
        { skuCode: 'GH-100', title: '桂花乌龙', specValues: ['100g', '罐装'], quantity: 1 },
      ]),
      order('B2', [{ skuCode: 'LJ-250', title: '西湖龙井', specValues: ['250g'], quantity: 3 }]),
    ];
    expect(pickingTotals(orders)).toEqual([
      { skuCode: 'GH-100', title: '桂花乌龙', specText: '100g / 罐装', quantity: 1 },
      { skuCode: 'LJ-250', title: '西湖龙井', specText: '250g', quantity: 5 },
    ]);
  });
});
