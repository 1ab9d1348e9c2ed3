import { PageContainer, ProForm, ProFormDigit } from '@ant-design/pro-components';
import type { ShopSettings } from '@shared/api/orders';
import { Alert, Button, Card, Form, Result, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorText, notifyError, notifySuccess } from '@/common/feedback';
import { PageSpinner } from '@/common/PageSpinner';
import { YuanInput, yuanRules } from '@/common/YuanInput';
import { fetchShopSettings, saveShopSettings } from './settings-api';
import {
  AUTO_CONFIRM_DAYS,
  formToSettings,
  settingsToForm,
  shippingRuleText,
  UNPAID_TIMEOUT_MINUTES,
  type ShopSettingsFormValues,
} from './shop-settings-form';

export default function ShopSettingsPage() {
  const [saved, setSaved] = useState<ShopSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(() => {
    setLoadError(null);
    fetchShopSettings()
      .then(setSaved)
      .catch((error: unknown) => setLoadError(errorText(error)));
  }, []);
  useEffect(load, [load]);

  if (loadError) {
    return (
      <Result
        status="error"
        title="店铺设置加载失败"
        subTitle={loadError}
        extra={<Button type="primary" onClick={load}>重试</Button>}
      />
    );
  }
  if (!saved) return <PageSpinner tip="正在加载店铺设置…" />;
  return (
    <PageContainer title="店铺设置">
      <SettingsForm saved={saved} onSaved={setSaved} />
    </PageContainer>
  );
}

function SettingsForm({ saved, onSaved }: { saved: ShopSettings; onSaved: (settings: ShopSettings) => void }) {
  const [form] = Form.useForm<ShopSettingsFormValues>();
  return (
    <Card>
      <Alert type="info" showIcon style={{ marginBottom: 24 }} message={`当前规则：${shippingRuleText(saved)}`} />
      <ProForm<ShopSettingsFormValues>
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 10 }}
        initialValues={settingsToForm(saved)}
        submitter={{
          searchConfig: { submitText: '保存设置', resetText: '恢复' },
          render: (_, buttons) => (
            <Form.Item wrapperCol={{ offset: 5 }}>
              <Space>{buttons}</Space>
            </Form.Item>
          ),
        }}
        onFinish={async (values) => {
          try {
            const next = await saveShopSettings(formToSettings(values));
            onSaved(next);
            form.setFieldsValue(settingsToForm(next));
            notifySuccess('店铺设置已保存');
            return true;
          } catch (error) {
            notifyError(error);
            return false;
          }
        }}
      >
        <Form.Item
          name="shippingFee"
          label="运费"
          tooltip="每笔订单收取的固定运费，填 0 表示全场包邮"
          required
          rules={yuanRules({ required: true })}
        >
          <YuanInput aria-label="运费" style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.Item
          name="freeShippingThreshold"
          label="满额包邮"
          tooltip="商品金额达到此金额免运费；留空表示不设门槛"
          rules={yuanRules({ required: false, positive: true })}
        >
          <YuanInput aria-label="满额包邮" placeholder="留空则不包邮" style={{ maxWidth: 200 }} />
        </Form.Item>
        <ProFormDigit
          name="unpaidTimeoutMinutes"
          label="未付款自动取消"
          min={UNPAID_TIMEOUT_MINUTES.min}
          max={UNPAID_TIMEOUT_MINUTES.max}
          width="sm"
          fieldProps={{ precision: 0, addonAfter: '分钟', 'aria-label': '未付款自动取消' }}
          extra={`下单后这么久未付款，订单自动取消并退回库存（${UNPAID_TIMEOUT_MINUTES.min}-${UNPAID_TIMEOUT_MINUTES.max} 分钟）`}
          rules={[{ required: true, message: '请填写分钟数' }]}
        />
        <ProFormDigit
          name="autoConfirmDays"
          label="自动确认收货"
          min={AUTO_CONFIRM_DAYS.min}
          max={AUTO_CONFIRM_DAYS.max}
          width="sm"
          fieldProps={{ precision: 0, addonAfter: '天', 'aria-label': '自动确认收货' }}
          extra={`发货后这么多天买家未确认，系统自动确认收货（${AUTO_CONFIRM_DAYS.min}-${AUTO_CONFIRM_DAYS.max} 天）`}
          rules={[{ required: true, message: '请填写天数' }]}
        />
      </ProForm>
    </Card>
  );
}
