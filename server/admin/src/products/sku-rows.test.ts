import { describe, expect, it } from 'vitest';
import { applyBulkValues, effectiveSpecs, emptySkuRow, mergeSkuRows, type SkuRowValues } from './sku-rows';

const filled = (specValues: string[], price: string, extra: Partial<SkuRowValues> = {}): SkuRowValues => ({
  ...emptySkuRow(specValues),
  price,
  stock: 10,
  ...extra,
});

describe('effectiveSpecs', () => {
  it('drops dimensions without values and trims and dedupes the rest', () => {
    expect(
      effectiveSpecs([{ name: ' 规格 ', values: ['100g', ' 100g', '250g', ''] }, { name: '口味', values: [] }, { name: '包装' }]),
    ).toEqual([{ name: '规格', values: ['100g', '250g'] }]);
  });
});

describe('mergeSkuRows', () => {
  it('gives a product without specs its single default row', () => {
    expect(mergeSkuRows([], [])).toEqual([emptySkuRow([])]);
  });

  it('builds every combination in spec order', () => {
    const rows = mergeSkuRows(
      [
        { name: '规格', values: ['100g', '250g'] },
        { name: '口味', values: ['原味', '蜂蜜'] },
      ],
      [],
    );
    expect(rows.map((row) => row.specValues)).toEqual([
      ['100g', '原味'],
      ['100g', '蜂蜜'],
      ['250g', '原味'],
      ['250g', '蜂蜜'],
    ]);
  });

  it('keeps what was typed for combinations that still exist when a value is added', () => {
    const before = [filled(['100g'], '19.90', { id: 7, skuCode: 'T-100' }), filled(['250g'], '39.90')];
    const after = mergeSkuRows([{ name: '规格', values: ['100g', '250g', '500g'] }], before);
    expect(after).toEqual([before[0], before[1], emptySkuRow(['500g'])]);
  });

  it('drops rows of removed values', () => {
    const before = [filled(['100g'], '19.90'), filled(['250g'], '39.90')];
    expect(mergeSkuRows([{ name: '规格', values: ['250g'] }], before)).toEqual([before[1]]);
  });

  it('starts fresh rows when a new dimension changes every combination', () => {
    const before = [filled(['100g'], '19.90')];
    const after = mergeSkuRows(
      [
        { name: '规格', values: ['100g'] },
        { name: '口味', values: ['原味'] },
      ],
      before,
    );
    expect(after).toEqual([emptySkuRow(['100g', '原味'])]);
  });
});

describe('applyBulkValues', () => {
  const rows = [filled(['100g'], '19.90'), filled(['250g'], '')];

  it('fills price and stock into every row', () => {
    const result = applyBulkValues(rows, { price: '29.90', stock: 50 });
    expect(result.map((row) => [row.price, row.stock])).toEqual([
      ['29.90', 50],
      ['29.90', 50],
    ]);
  });

  it('leaves fields alone when the bulk field is blank', () => {
    const result = applyBulkValues(rows, { price: ' ', stock: null });
    expect(result).toEqual(rows);
  });

  it('accepts zero stock as a value to fill', () => {
    expect(applyBulkValues(rows, { stock: 0 }).map((row) => row.stock)).toEqual([0, 0]);
  });
});
