import type { OrderLine } from '@shared/api/orders';
import { AFTER_SALE_REASONS, afterSaleTypeFor, chosenItems, orderActions, refundableUnits, reorderSummary, validateAfterSale, validateReturnShipment } from './order-actions';

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

describe('orderActions of an order waiting for its 拼团', () => {
  it('offers neither 申请售后 nor 提醒发货 while on hold (取消拼团并退款 is on the 拼团 card)', () => {
    expect(orderActions('paid', 'list', true)).toEqual([]);
    expect(orderActions('paid', 'detail', true)).toEqual(['reorder']);
    expect(orderActions('paid', 'detail', false)).toEqual(['reorder', 'afterSale', 'remindShip']);
  });
});

describe('orderActions on the detail page', () => {
  it('adds 再来一单 past payment and 提醒发货 while waiting to ship', () => {
    expect(orderActions('pending_payment', 'detail')).toEqual(['cancel', 'pay']);
    expect(orderActions('paid', 'detail')).toEqual(['reorder', 'afterSale', 'remindShip']);
    expect(orderActions('shipped', 'detail')).toEqual(['reorder', 'afterSale', 'confirmReceipt']);
    expect(orderActions('cancelled', 'detail')).toEqual(['reorder']);
    expect(orderActions('refunded', 'detail')).toEqual(['reorder']);
  });
});

describe('reorderSummary', () => {
  const line = { skuId: 1, title: '西湖龙井', specValues: ['250g'], orderedQuantity: 2 };
  it('toasts when every line went into the cart', () => {
    expect(reorderSummary({ added: [{ ...line, quantity: 2 }], skipped: [] })).toEqual({ toast: '已加入购物车' });
  });

  it('names the lines left out and why, and the ones cut to the stock', () => {
    const summary = reorderSummary({
      added: [{ ...line, quantity: 1 }],
      skipped: [{ ...line, skuId: 2, title: '桂花乌龙', specValues: [], reason: 'sold_out' }],
    });
    expect(summary).toEqual({ title: '已加入 1 种商品，以下未加入', content: '桂花乌龙：已售罄\n西湖龙井：库存不足，已加入 1 件', toCart: true });
  });

  it('stays on the order when nothing could be added', () => {
    expect(reorderSummary({ added: [], skipped: [{ ...line, reason: 'off_shelf' }] })).toEqual({
      title: '商品暂时买不到了',
      content: '西湖龙井（250g）：已下架',
      toCart: false,
    });
  });
});

describe('validateReturnShipment', () => {
  it('asks for a carrier and a tracking number the server takes', () => {
    expect(validateReturnShipment({ carrierCode: '', trackingNo: 'SF123456' })).toBe('请选择快递公司');
    expect(validateReturnShipment({ carrierCode: 'SF', trackingNo: '' })).toBe('请填写快递单号');
    expect(validateReturnShipment({ carrierCode: 'SF', trackingNo: 'SF 1234-56' })).toBe('快递单号应为 5–32 位字母或数字');
    expect(validateReturnShipment({ carrierCode: 'SF', trackingNo: 'SF1234567890' })).toBeNull();
  });
});

describe('choosing the units of a partial refund', () => {
  const line = (skuId: number, quantity: number, refundedQuantity: number): OrderLine => ({
    skuId,
    productId: skuId,
    title: `商品${skuId}`,
    specValues: [],
    imageUrl: '',
    unitPriceFen: 1000,
    quantity,
    lineTotalFen: 1000 * quantity,
    ...(refundedQuantity ? { refundedQuantity } : {}),
  });
  const lines = [line(1, 2, 0), line(2, 1, 1), line(3, 3, 1)];

  it('starts with every unit not refunded yet (fully refunded lines left out)', () => {
    expect(refundableUnits(lines)).toEqual({ 1: 2, 3: 2 });
  });

  it('sends no items for all that is left, and the chosen units otherwise', () => {
    expect(chosenItems(lines, { 1: 2, 3: 2 })).toBeUndefined();
    expect(chosenItems(lines, { 1: 0, 3: 1 })).toEqual([{ skuId: 3, quantity: 1 }]);
    expect(chosenItems(lines, { 1: 0, 3: 0 })).toEqual([]);
  });
});
