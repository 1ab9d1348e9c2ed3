import { cartBadgeText } from './cart-badge-text';

describe('cartBadgeText', () => {
  it('hides the badge for an empty cart', () => {
    expect(cartBadgeText(0)).toBeNull();
  });
  it('shows the unit count, capped at 99+', () => {
    expect(cartBadgeText(7)).toBe('7');
    expect(cartBadgeText(99)).toBe('99');
    expect(cartBadgeText(100)).toBe('99+');
  });
});
