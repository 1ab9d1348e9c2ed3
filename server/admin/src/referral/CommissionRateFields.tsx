import { ProFormDigit } from '@ant-design/pro-components';
import type { FormInstance } from 'antd';
import { ratesProblem, refuseIf } from './referral-settings-form';

interface CommissionRateFieldsProps {
  /** Put before the labels' accessible names (商品 in the product dialog), so two forms on one page stay apart. */
  ariaPrefix?: string;
  level2Placeholder: string;
  level1Extra?: string;
  level2Extra?: string;
  width?: 'sm';
}

/** The two rates, in percent with two decimals (level 2 blank = none): the shop's and a product's. Never a third. */
export function CommissionRateFields({ ariaPrefix = '', level2Placeholder, level1Extra, level2Extra, width }: CommissionRateFieldsProps) {
  return (
    <>
      <ProFormDigit
        name="level1Rate"
        label="一级佣金比例"
        min={0}
        max={100}
        width={width}
        fieldProps={{ precision: 2, addonAfter: '%', 'aria-label': `${ariaPrefix}一级佣金比例` }}
        extra={level1Extra}
        rules={[{ required: true, message: '请填写一级佣金比例' }]}
      />
      <ProFormDigit
        name="level2Rate"
        label="二级佣金比例"
        min={0}
        max={100}
        width={width}
        dependencies={['level1Rate']}
        fieldProps={{ precision: 2, addonAfter: '%', placeholder: level2Placeholder, 'aria-label': `${ariaPrefix}二级佣金比例` }}
        extra={level2Extra}
        rules={[
          ({ getFieldValue }: FormInstance) => ({
            validator: async (_: unknown, value?: number | null) => refuseIf(ratesProblem(getFieldValue('level1Rate'), value)),
          }),
        ]}
      />
    </>
  );
}
