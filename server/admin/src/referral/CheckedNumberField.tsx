import { Form, InputNumber, type FormItemProps } from 'antd';
import { numberProblem, refuseIf, type NumberBounds } from './referral-settings-form';

interface CheckedNumberFieldProps extends Pick<FormItemProps, 'name' | 'label' | 'extra' | 'hidden' | 'dependencies'> {
  bounds: NumberBounds;
  ariaLabel: string;
  addonAfter: string;
  placeholder?: string;
  /** The message when left blank; absent: blank is allowed. */
  requiredMessage?: string;
  /** Checks run after the bounds' (e.g. level 1 + level 2 ≤ 100%). */
  rules?: FormItemProps['rules'];
  disabled?: boolean;
}

/**
 * A number input that keeps what was typed: no min / max / precision on the InputNumber (they clamp and round
 * silently, so -5% would save as 0%), the bounds checked by a rule that shows the problem and blocks the save.
 */
export function CheckedNumberField({ bounds, ariaLabel, addonAfter, placeholder, requiredMessage, rules = [], disabled, ...item }: CheckedNumberFieldProps) {
  return (
    <Form.Item
      {...item}
      validateFirst
      required={requiredMessage !== undefined}
      rules={[
        ...(requiredMessage ? [{ required: true, message: requiredMessage }] : []),
        { validator: async (_: unknown, value?: number | null) => refuseIf(numberProblem(value, bounds)) },
        ...rules,
      ]}
    >
      <InputNumber aria-label={ariaLabel} addonAfter={addonAfter} placeholder={placeholder} disabled={disabled} style={{ width: 216 }} />
    </Form.Item>
  );
}
