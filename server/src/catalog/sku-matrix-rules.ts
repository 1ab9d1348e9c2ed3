import { HttpStatus } from '@nestjs/common';
import { specCombinations, specKey, specLabel, type FieldError, type SpecDimension } from '../../../shared';
import { ApiException } from '../platform/errors/api-exception';

interface SkuInput {
  specValues: string[];
  priceFen: number;
  originalPriceFen?: number | null;
  skuCode?: string;
}

/**
 * The SKUs must be exactly the combinations of the spec values: one SKU per combination, none extra,
 * none missing (a product without specs has one SKU with no spec values). Returns the problems found.
 */
export function skuMatrixProblems(specs: SpecDimension[], skus: SkuInput[]): FieldError[] {
  const problems: FieldError[] = [];
  const names = specs.map((spec) => spec.name.trim());
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index) problems.push({ field: `specs.${index}.name`, message: `规格名“${name}”重复` });
  });
  const expected = new Set(specCombinations(specs).map(specKey));
  const seen = new Set<string>();
  skus.forEach((sku, index) => {
    const key = specKey(sku.specValues);
    if (!expected.has(key)) {
      problems.push({ field: `skus.${index}.specValues`, message: `“${specLabel(sku.specValues)}”不是规格值的组合` });
    } else if (seen.has(key)) {
      problems.push({ field: `skus.${index}.specValues`, message: `“${specLabel(sku.specValues)}”重复` });
    }
    seen.add(key);
  });
  for (const combination of specCombinations(specs)) {
    if (!seen.has(specKey(combination))) {
      problems.push({ field: 'skus', message: `缺少组合“${specLabel(combination)}”的 SKU` });
    }
  }
  return problems;
}

/** Prices a person would reject: a crossed-out price must be above the selling price. */
export function skuPriceProblems(skus: SkuInput[]): FieldError[] {
  return skus.flatMap((sku, index) =>
    sku.originalPriceFen != null && sku.originalPriceFen <= sku.priceFen
      ? [{ field: `skus.${index}.originalPriceFen`, message: '划线价必须高于售价' }]
      : [],
  );
}

export function assertValidSkuMatrix(specs: SpecDimension[], skus: SkuInput[]): void {
  const matrix = skuMatrixProblems(specs, skus);
  if (matrix.length > 0) {
    throw new ApiException('SKU_MATRIX_INVALID', HttpStatus.BAD_REQUEST, `SKU 与规格组合不一致：${matrix[0].message}`, matrix);
  }
  const prices = skuPriceProblems(skus);
  if (prices.length > 0) {
    throw new ApiException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, `字段 ${prices[0].field} ${prices[0].message}`, prices);
  }
}
