import { afterSaleItemsText } from './api/after-sales';
import { isPartiallyRefunded, orderStatusText, refundableQuantity } from './api/orders';

describe('partial refund labels', () => {
  it('reads 部分退款 beside the status while part of the order was refunded and the rest goes on', () => {
    expect(orderStatusText({ status: 'shipped', refundedFen: 3810 })).toBe('待收货 · 部分退款');
    expect(orderStatusText({ status: 'shipped', refundedFen: 0 })).toBe('待收货');
    // A whole refund is 退款中 / 已退款, not partial.
    expect(isPartiallyRefunded({ status: 'refunding', refundedFen: 11850 })).toBe(false);
    expect(isPartiallyRefunded({ status: 'refunded', refundedFen: 11850 })).toBe(false);
  });

  it('counts the units left to refund, and names a case\'s units', () => {
    expect(refundableQuantity({ quantity: 3 })).toBe(3);
    expect(refundableQuantity({ quantity: 3, refundedQuantity: 1 })).toBe(2);
    expect(afterSaleItemsText(null)).toBe('整单');
    expect(afterSaleItemsText([{ skuId: 1, quantity: 2, title: '雨前龙井', specValues: ['50g', '一级'] }, { skuId: 2, quantity: 1, title: '茶杯', specValues: [] }])).toBe(
      '雨前龙井（50g / 一级） × 2；茶杯 × 1',
    );
  });
});
