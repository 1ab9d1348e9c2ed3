import { ApiException } from '../platform/errors/api-exception';
import { assertValidSkuMatrix, skuMatrixProblems, skuPriceProblems } from './sku-matrix-rules';

const specs = [
  { name: '规格', values: ['100g', '250g'] },
  { name: '口味', values: ['原味', '蜂蜜'] },
];
const sku = (specValues: string[], priceFen = 1000, originalPriceFen: number | null = null) => ({ specValues, priceFen, originalPriceFen });
const full = [sku(['100g', '原味']), sku(['100g', '蜂蜜']), sku(['250g', '原味']), sku(['250g', '蜂蜜'])];

describe('SKU matrix rules', () => {
  it('accepts exactly one SKU per combination, in any order', () => {
    expect(skuMatrixProblems(specs, [...full].reverse())).toEqual([]);
    expect(skuMatrixProblems([], [sku([])])).toEqual([]);
  });

  it('names missing, duplicate and foreign combinations', () => {
    expect(skuMatrixProblems(specs, full.slice(1))).toEqual([{ field: 'skus', message: '缺少组合“100g / 原味”的 SKU' }]);
    expect(skuMatrixProblems(specs, [...full, sku(['100g', '原味'])])).toEqual([
      { field: 'skus.4.specValues', message: '“100g / 原味”重复' },
    ]);
    expect(skuMatrixProblems(specs, [...full.slice(0, 3), sku(['250g'])])).toEqual([
      { field: 'skus.3.specValues', message: '“250g”不是规格值的组合' },
      { field: 'skus', message: '缺少组合“250g / 蜂蜜”的 SKU' },
    ]);
    expect(skuMatrixProblems([{ name: '规格', values: ['a'] }, { name: '规格', values: ['b'] }], [sku(['a', 'b'])])).toEqual([
      { field: 'specs.1.name', message: '规格名“规格”重复' },
    ]);
  });

  it('wants a crossed-out price above the selling price', () => {
    expect(skuPriceProblems([sku([], 1000, 1200), sku([], 1000, null)])).toEqual([]);
    expect(skuPriceProblems([sku([], 1000, 1000)])).toEqual([{ field: 'skus.0.originalPriceFen', message: '划线价必须高于售价' }]);
  });

  it('throws SKU_MATRIX_INVALID with every problem in details', () => {
    let error: ApiException | undefined;
    try {
      assertValidSkuMatrix(specs, []);
    } catch (thrown) {
      error = thrown as ApiException;
    }
    expect(error?.code).toBe('SKU_MATRIX_INVALID');
    expect(error?.body.details).toHaveLength(4);
  });
});
