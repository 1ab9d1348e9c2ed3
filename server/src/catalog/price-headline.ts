/** The facts of a SKU that decide what price a product card headlines. */
export interface PricedSku {
  priceFen: number;
  originalPriceFen: number | null;
  stock: number;
}

export interface PriceHeadline {
  minPriceFen: number;
  originalPriceFen: number | null;
  /** The buyable SKUs differ in price (the card says 起). */
  priceVaries: boolean;
  inStock: boolean;
}

/**
 * The price a shopper can actually pay: the cheapest SKU in stock, "起" when the SKUs in stock differ in price.
 * A sold-out SKU never headlines a product that is still sold at a higher price. When nothing is left the
 * cheapest SKU is shown beside 已售罄. The originalPriceFen is the headline SKU's own crossed-out price.
 */
export function priceHeadline(skus: PricedSku[]): PriceHeadline {
  const buyable = skus.filter((sku) => sku.stock > 0);
  const candidates = buyable.length > 0 ? buyable : skus;
  if (candidates.length === 0) return { minPriceFen: 0, originalPriceFen: null, priceVaries: false, inStock: false };
  const cheapest = candidates.reduce((min, sku) => (sku.priceFen < min.priceFen ? sku : min));
  return {
    minPriceFen: cheapest.priceFen,
    originalPriceFen: cheapest.originalPriceFen !== null && cheapest.originalPriceFen > cheapest.priceFen ? cheapest.originalPriceFen : null,
    priceVaries: buyable.some((sku) => sku.priceFen !== cheapest.priceFen),
    inStock: buyable.length > 0,
  };
}
