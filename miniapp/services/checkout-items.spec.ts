import { encodeCheckoutItems, parseCheckoutItems } from './checkout-items';

describe('checkout items in the URL', () => {
  it('round-trips SKUs and quantities', () => {
    const items = [
      { skuId: 12, quantity: 2 },
      { skuId: 15, quantity: 1 },
    ];
    expect(encodeCheckoutItems(items)).toBe('12x2,15x1');
    expect(parseCheckoutItems(encodeCheckoutItems(items))).toEqual(items);
    expect(parseCheckoutItems(encodeURIComponent('12x2,15x1'))).toEqual(items);
  });

  it('rejects missing, malformed and out-of-range parts', () => {
    expect(parseCheckoutItems(undefined)).toBeNull();
    expect(parseCheckoutItems('12x2,abc')).toBeNull();
    expect(parseCheckoutItems('0x1')).toBeNull();
    expect(parseCheckoutItems('12x0')).toBeNull();
    expect(parseCheckoutItems('12x100')).toBeNull();
  });
});
