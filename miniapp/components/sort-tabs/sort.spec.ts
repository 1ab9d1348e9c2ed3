import { sortAfterTap, sortTabLabel, tabOfSort } from './sort';

describe('sort tabs', () => {
  it('switches to the tapped tab', () => {
    expect(sortAfterTap('default', 'sales')).toBe('sales');
    expect(sortAfterTap('price_desc', 'newest')).toBe('newest');
  });

  it('starts price low-to-high and flips it on every further tap', () => {
    expect(sortAfterTap('sales', 'price')).toBe('price_asc');
    expect(sortAfterTap('price_asc', 'price')).toBe('price_desc');
    expect(sortAfterTap('price_desc', 'price')).toBe('price_asc');
  });

  it('shows the price direction on the price tab only', () => {
    expect(tabOfSort('price_desc')).toBe('price');
    expect(sortTabLabel('price', 'price_desc')).toBe('价格↓');
    expect(sortTabLabel('price', 'default')).toBe('价格');
    expect(sortTabLabel('sales', 'price_asc')).toBe('销量');
  });
});
