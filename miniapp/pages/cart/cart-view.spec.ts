import type { CartItem } from '@shared/api/cart';
import { checkoutButtonText, checkoutItems, hasBuyableLine, isAllSelected, priceChangeNote, shippingHint } from './cart-view';

function line(overrides: Partial<CartItem>): CartItem {
  return {
    id: 1,
    skuId: 10,
    productId: 100,
    title: '西湖龙井',
    specValues: ['250g'],
    imageUrl: '/uploads/a.png',
    priceFen: 1990,
    addedPriceFen: 1990,
    quantity: 1,
    selected: true,
    stock: 5,
    unavailableReason: null,
    ...overrides,
  };
}

describe('cart selection', () => {
  it('ticks 全选 only when every available line is selected, ignoring unavailable ones', () => {
    expect(isAllSelected([line({ id: 1 }), line({ id: 2, selected: false, unavailableReason: 'off_shelf' })])).toBe(true);
    expect(isAllSelected([line({ id: 1 }), line({ id: 2, selected: false })])).toBe(false);
    expect(isAllSelected([line({ unavailableReason: 'sold_out' })])).toBe(false);
    expect(isAllSelected([])).toBe(false);
  });

  it('offers 全选 only when some line can be bought', () => {
    expect(hasBuyableLine([line({ unavailableReason: 'off_shelf' }), line({ id: 2, unavailableReason: 'sold_out' })])).toBe(false);
    expect(hasBuyableLine([line({ unavailableReason: 'off_shelf' }), line({ id: 2 })])).toBe(true);
  });

  it('checks out the selected available lines only', () => {
    const items = [
      line({ id: 1, skuId: 10, quantity: 2 }),
      line({ id: 2, skuId: 11, selected: false }),
      line({ id: 3, skuId: 12, unavailableReason: 'insufficient_stock' }),
    ];
    expect(checkoutItems(items)).toEqual([{ skuId: 10, quantity: 2 }]);
  });

  it('counts the selected units on the button', () => {
    expect(checkoutButtonText({ selectedQuantity: 0 })).toBe('去结算');
    expect(checkoutButtonText({ selectedQuantity: 3 })).toBe('去结算(3)');
  });
});

describe('cart totals display', () => {
  it('says how much more ships free', () => {
    const rule = { shippingFeeFen: 800, freeShippingThresholdFen: 9900 };
    expect(shippingHint(9000, rule)).toBe('再买 ¥9.00 包邮');
    expect(shippingHint(9900, rule)).toBe('已满足包邮');
    expect(shippingHint(100, { shippingFeeFen: 0, freeShippingThresholdFen: 9900 })).toBeNull();
    expect(shippingHint(100, { shippingFeeFen: 800, freeShippingThresholdFen: null })).toBeNull();
    // Nothing selected (or nothing left to buy): no nudge to spend ¥99.00.
    expect(shippingHint(0, rule)).toBeNull();
  });

  it('notes a price that moved since the line was added', () => {
    expect(priceChangeNote({ priceFen: 1990, addedPriceFen: 1990 })).toBeNull();
    expect(priceChangeNote({ priceFen: 1790, addedPriceFen: 1990 })).toBe('比加入时降 ¥2.00');
    expect(priceChangeNote({ priceFen: 2090, addedPriceFen: 1990 })).toBe('比加入时涨 ¥1.00');
  });
});
