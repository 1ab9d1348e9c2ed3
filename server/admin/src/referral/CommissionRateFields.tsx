import { CheckedNumberField } from './CheckedNumberField';
import { level2RateProblem, RATE_BOUNDS, ratesProblem, refuseIf } from './referral-settings-form';

interface CommissionRateFieldsProps {
  /** Put before the labels' accessible names (商品 in the product dialog), so two forms on one page stay apart. */
  ariaPrefix?: string;
  level2Placeholder: string;
  level1Extra?: string;
  level2Extra?: string;
}

/**
 * The two rates, in percent with at most two decimals (level 2 blank = none, 0 refused): the shop's and a
 * product's. Never a third.
 */
export function CommissionRateFields({ ariaPrefix = '', level2Placeholder, level1Extra, level2Extra }: CommissionRateFieldsProps) {
  return (
    <>
      <CheckedNumberField
        name="level1Rate"
        label="一级佣金比例"
        bounds={{ ...RATE_BOUNDS, label: '一级佣金比例' }}
        ariaLabel={`${ariaPrefix}一级佣金比例`}
        addonAfter="%"
        extra={level1Extra}
        requiredMessage="请填写一级佣金比例"
      />
      <CheckedNumberField
        name="level2Rate"
        label="二级佣金比例"
        bounds={{ ...RATE_BOUNDS, label: '二级佣金比例' }}
        ariaLabel={`${ariaPrefix}二级佣金比例`}
        addonAfter="%"
        placeholder={level2Placeholder}
        extra={level2Extra}
        dependencies={['level1Rate']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_: unknown, value?: number | null) => refuseIf(level2RateProblem(value) ?? ratesProblem(getFieldValue('level1Rate'), value)),
          }),
        ]}
      />
    </>
  );
}
