import type { SkuRow } from '../catalog/sku.entity';
import { unavailableReason, type SellableSku } from './sellable-skus';

const sellable = (stock: number, onShelf = true): SellableSku => ({
  sku: { id: 1, productId: 2, specValues: ['100g'], priceFen: 1990, stock } as SkuRow,
  product: { id: 2, categoryId: 3, title: '龙井', images: [], onShelf, memberPriceEnabled: true },
});

describe('unavailableReason', () => {
  it('names the first thing that stops a purchase', () => {
    expect(unavailableReason(undefined, 1)).toBe('sku_deleted');
    expect(unavailableReason(sellable(0, false), 1)).toBe('off_shelf');
    expect(unavailableReason(sellable(0), 1)).toBe('sold_out');
    expect(unavailableReason(sellable(2), 3)).toBe('insufficient_stock');
  });

  it('is null when the stock covers the quantity exactly', () => {
    expect(unavailableReason(sellable(3), 3)).toBeNull();
  });
});
