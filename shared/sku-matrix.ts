import type { SpecDimension } from './api/catalog';

/**
 * Every combination of the spec values, in spec order: the SKUs a product must have.
 * [{规格:[100g,250g]},{口味:[原味,蜂蜜]}] → [[100g,原味],[100g,蜂蜜],[250g,原味],[250g,蜂蜜]].
 * A product without specs has one SKU with no spec values.
 */
export function specCombinations(specs: SpecDimension[]): string[][] {
  return specs.reduce<string[][]>(
    (combos, spec) => combos.flatMap((combo) => spec.values.map((value) => [...combo, value])),
    [[]],
  );
}

/** A stable key for one combination, for matching SKU rows to combinations. */
export function specKey(specValues: string[]): string {
  return JSON.stringify(specValues);
}

/** Human label of a combination: ["250g", "蜂蜜"] → "250g / 蜂蜜"; empty → "默认". */
export function specLabel(specValues: string[]): string {
  return specValues.length ? specValues.join(' / ') : '默认';
}
