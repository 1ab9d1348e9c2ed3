import { Alert, Button, Form, Space, Typography, type FormInstance } from 'antd';
import type { CouponFormValues } from './coupon-form';
import { couponNameMismatches, ruleFromFormValues, suggestedCouponName } from './coupon-name';

/**
 * Under the name field: warns when the name's figures contradict the rule (「满100减200」 on a 满100减20 coupon),
 * and offers the name the rule itself gives (使用建议名称). Shown once the rule's amounts are filled in; the page's name field is in the same form.
 */
export function CouponNameCheck({ form, disabled }: { form: FormInstance<CouponFormValues>; disabled?: boolean }) {
  const name: string = Form.useWatch('name', form) ?? '';
  const type = Form.useWatch('type', form);
  const threshold = Form.useWatch('threshold', form);
  const amountOff = Form.useWatch('amountOff', form);
  const fold = Form.useWatch('fold', form);
  const maxDiscount = Form.useWatch('maxDiscount', form);
  const rule = type ? ruleFromFormValues({ type, threshold, amountOff, fold, maxDiscount }) : null;
  if (!rule) return null;

  const suggestion = suggestedCouponName(rule);
  const warnings = couponNameMismatches(name, rule);
  const useSuggestion = (
    <Button size="small" disabled={disabled || name.trim() === suggestion} onClick={() => form.setFieldValue('name', suggestion)}>
      使用建议名称
    </Button>
  );
  return (
    <Form.Item wrapperCol={{ offset: 4 }}>
      {warnings.length === 0 ? (
        <Space data-testid="coupon-name-suggestion">
          <Typography.Text type="secondary">建议名称：{suggestion}</Typography.Text>
          {useSuggestion}
        </Space>
      ) : (
        <Alert
          type="warning"
          showIcon
          data-testid="coupon-name-warning"
          message="券名称与规则不一致，顾客会按名称理解优惠"
          description={
            <Space direction="vertical" size={4}>
              {warnings.map((warning) => (
                <span key={warning}>{warning}</span>
              ))}
              <Space>
                <span>建议名称：{suggestion}</span>
                {useSuggestion}
              </Space>
            </Space>
          }
        />
      )}
    </Form.Item>
  );
}
