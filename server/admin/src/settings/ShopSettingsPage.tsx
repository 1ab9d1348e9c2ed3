import { PageContainer, ProFormDigit } from '@ant-design/pro-components';
import type { ShopSettings } from '@shared/api/orders';
import { Card, Form, Space } from 'antd';
import { RemoteContent } from '@/common/RemoteContent';
import { SettingsForm } from '@/common/SettingsForm';
import { useRemoteData } from '@/common/useRemoteData';
import { YuanInput, yuanRules } from '@/common/YuanInput';
import { BannerEditor } from './BannerEditor';
import { fetchShopProfile, fetchShopSettings, saveShopSettings } from './settings-api';
import { ShopProfileForm } from './ShopProfileForm';
import {
  AUTO_CONFIRM_DAYS,
  formToSettings,
  settingsToForm,
  shippingRuleText,
  UNPAID_TIMEOUT_MINUTES,
  type ShopSettingsFormValues,
} from './shop-settings-form';

/** 店铺设置: the shop's profile, the home carousel, and the order rules (shipping fee, timeouts). */
export default function ShopSettingsPage() {
  const profile = useRemoteData(fetchShopProfile);
  const settings = useRemoteData(fetchShopSettings);
  return (
    <PageContainer title="店铺设置">
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title="店铺资料">
          <RemoteContent state={profile.state} loadingTip="正在加载店铺资料…" failedTitle="店铺资料加载失败" onRetry={profile.reload}>
            {(saved) => <ShopProfileForm saved={saved} onSaved={profile.setData} />}
          </RemoteContent>
        </Card>
        <BannerEditor />
        <Card title="运费与订单时限">
          <RemoteContent state={settings.state} loadingTip="正在加载店铺设置…" failedTitle="店铺设置加载失败" onRetry={settings.reload}>
            {(saved) => <ShopSettingsForm saved={saved} onSaved={settings.setData} />}
          </RemoteContent>
        </Card>
      </Space>
    </PageContainer>
  );
}

function ShopSettingsForm({ saved, onSaved }: { saved: ShopSettings; onSaved: (settings: ShopSettings) => void }) {
  const save = async (values: ShopSettingsFormValues) => {
    const next = await saveShopSettings(formToSettings(values));
    onSaved(next);
    return settingsToForm(next);
  };

  return (
    <SettingsForm<ShopSettingsFormValues>
      ruleText={shippingRuleText(saved)}
      initialValues={settingsToForm(saved)}
      save={save}
      savedText="店铺设置已保存"
      wrapperSpan={10}
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
      </SettingsForm>
  );
}
