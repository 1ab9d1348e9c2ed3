import { AFTER_SALE_REASONS, afterSaleTypeFor, orderActions, validateAfterSale } from './order-actions';

describe('after-sale type rules', () => {
  it('offers 仅退款 before shipping and 退货退款 after', () => {
    expect(afterSaleTypeFor('paid')).toBe('refund_only');
    expect(afterSaleTypeFor('shipped')).toBe('return_refund');
    expect(afterSaleTypeFor('completed')).toBe('return_refund');
  });

  it('offers nothing for unpaid, cancelled or orders already in after-sale', () => {
    for (const status of ['pending_payment', 'cancelled', 'after_sale', 'refunding', 'refunded'] as const) {
      expect(afterSaleTypeFor(status)).toBeNull();
    }
  });

  it('has reasons for every type', () => {
    expect(AFTER_SALE_REASONS.refund_only.length).toBeGreaterThan(0);
    expect(AFTER_SALE_REASONS.return_refund).toContain('商品破损');
  });

  it('checks the form', () => {
    expect(validateAfterSale({ reason: '', description: '', images: [] })).toBe('请选择售后原因');
    expect(validateAfterSale({ reason: '不想要了', description: '字'.repeat(501), images: [] })).toBe('问题描述最多 500 个字');
    expect(validateAfterSale({ reason: '不想要了', description: '', images: Array(7).fill('/u.png') })).toBe('最多上传 6 张照片');
    expect(validateAfterSale({ reason: '不想要了', description: '', images: [] })).toBeNull();
  });
});

describe('orderActions', () => {
  it('matches what each state allows', () => {
    expect(orderActions('pending_payment')).toEqual(['cancel', 'pay']);
    expect(orderActions('paid')).toEqual(['afterSale']);
    expect(orderActions('shipped')).toEqual(['afterSale', 'confirmReceipt']);
    expect(orderActions('completed')).toEqual(['afterSale']);
    expect(orderActions('cancelled')).toEqual([]);
    expect(orderActions('refunded')).toEqual([]);
  });
});
