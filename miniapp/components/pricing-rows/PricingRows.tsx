import { Cell } from '@nutui/nutui-react-taro';
import type { OrderPricing } from '@shared/api/orders';
import { formatYuan } from '@shared/money';
import { pricingRows, type PricingDetails } from './pricing-rows';

/** The pricing breakdown of a checkout or an order: 商品金额, any discounts, 运费, 应付. */
export function PricingRows({ pricing, details }: { pricing: OrderPricing; details?: PricingDetails }) {
  return (
    <>
      {pricingRows(pricing, details).map((row) => (
        <Cell
          key={row.label}
          className={`pricing-row pricing-row--${row.key}`}
          title={row.label}
          extra={row.sign ? `${row.sign}${formatYuan(row.fen)}` : formatYuan(row.fen)}
        />
      ))}
    </>
  );
}
