import { Cell } from '@nutui/nutui-react-taro';
import type { OrderPricing } from '@shared/api/orders';
import { pricingRows, type PricingRowsOptions } from '@shared/pricing-rows';

/** The pricing breakdown of a checkout or an order: 商品金额, any discounts, 运费, 应付/实付金额. */
export function PricingRows({ pricing, options }: { pricing: OrderPricing; options?: PricingRowsOptions }) {
  return (
    <>
      {pricingRows(pricing, options).map((row) => (
        <Cell key={row.key} className={`pricing-row pricing-row--${row.key}`} title={row.label} extra={row.amountText} />
      ))}
    </>
  );
}
