import type { Sku, SpecDimension } from '@shared/api/catalog';
import {
  choiceSummary,
  chosenSku,
  clampQuantity,
  quantityLimit,
  initialSelection,
  isOptionAvailable,
  missingDimensions,
  toggleOption,
} from './sku-selection';

const specs: SpecDimension[] = [
  { name: '规格', values: ['100g', '250g'] },
  { name: '口味', values: ['原味', '蜂蜜'] },
];

let nextId = 1;
const sku = (specValues: string[], stock: number, priceFen = 1990): Sku => ({
  id: nextId++,
  specValues,
  priceFen,
  originalPriceFen: null,
  stock,
  skuCode: specValues.join('-'),
});

// 100g/原味 is sold out; every other combination is in stock.
const skus = [sku(['100g', '原味'], 0), sku(['100g', '蜂蜜'], 5), sku(['250g', '原味'], 3), sku(['250g', '蜂蜜'], 1)];

describe('SKU picker availability', () => {
  it('disables a value whose only in-stock combinations conflict with the other choice', () => {
    // With 原味 chosen, 100g would mean 100g/原味, which is sold out.
    expect(isOptionAvailable(skus, [null, '原味'], 0, '100g')).toBe(false);
    expect(isOptionAvailable(skus, [null, '原味'], 0, '250g')).toBe(true);
  });

  it('keeps a value available when some combination with it is in stock', () => {
    expect(isOptionAvailable(skus, [null, null], 0, '100g')).toBe(true);
    expect(isOptionAvailable(skus, ['100g', null], 1, '蜂蜜')).toBe(true);
    expect(isOptionAvailable(skus, ['100g', null], 1, '原味')).toBe(false);
  });

  it('judges a dimension without its own current choice, so the shopper can switch within it', () => {
    expect(isOptionAvailable(skus, ['250g', '蜂蜜'], 0, '100g')).toBe(true);
  });

  it('disables every chip when all SKUs are sold out', () => {
    const soldOut = [sku(['100g', '原味'], 0), sku(['250g', '原味'], 0)];
    expect(isOptionAvailable(soldOut, [null, null], 0, '100g')).toBe(false);
    expect(isOptionAvailable(soldOut, [null, null], 1, '原味')).toBe(false);
    expect(initialSelection(specs, soldOut)).toEqual([null, null]);
  });

  it('treats a combination without a SKU row as unavailable', () => {
    const partial = [sku(['100g', '原味'], 4)];
    expect(isOptionAvailable(partial, ['100g', null], 1, '蜂蜜')).toBe(false);
  });
});

describe('SKU picker selection', () => {
  it('starts on the first SKU in stock', () => {
    expect(initialSelection(specs, skus)).toEqual(['100g', '蜂蜜']);
  });

  it('toggles a chip on and off', () => {
    expect(toggleOption(['100g', null], 1, '原味')).toEqual(['100g', '原味']);
    expect(toggleOption(['100g', '原味'], 1, '原味')).toEqual(['100g', null]);
  });

  it('finds the SKU only for a complete selection', () => {
    expect(chosenSku(skus, ['250g', null])).toBeNull();
    expect(chosenSku(skus, ['250g', '蜂蜜'])?.stock).toBe(1);
    expect(missingDimensions(specs, ['250g', null])).toEqual(['口味']);
  });

  it('picks the single SKU of a product without specs', () => {
    const only = sku([], 7);
    expect(initialSelection([], [only])).toEqual([]);
    expect(chosenSku([only], [])).toBe(only);
  });

  it('bounds the quantity by stock', () => {
    expect(clampQuantity(0, 5)).toBe(1);
    expect(clampQuantity(9, 5)).toBe(5);
    expect(clampQuantity(3, 5)).toBe(3);
  });

  it('caps the quantity at the per-order limit when stock is larger, and says which limit applies', () => {
    expect(clampQuantity(185, 400)).toBe(99);
    expect(quantityLimit(400)).toEqual({ max: 99, reason: '每单限购 99 件' });
    expect(quantityLimit(3)).toEqual({ max: 3, reason: '库存仅剩 3 件' });
    expect(quantityLimit(99).max).toBe(99);
  });

  it('caps at a 拼团 per-member limit below stock, and says so', () => {
    const cap = { max: 2, reason: '拼团每人限购 2 件' };
    expect(quantityLimit(400, cap)).toEqual(cap);
    expect(clampQuantity(5, 400, cap)).toBe(2);
    // Less stock than the cap: stock is what stops it.
    expect(quantityLimit(1, cap)).toEqual({ max: 1, reason: '库存仅剩 1 件' });
  });

  it('summarises the confirmed choice', () => {
    expect(choiceSummary(skus[3], 2)).toBe('250g / 蜂蜜 ×2');
  });
});
