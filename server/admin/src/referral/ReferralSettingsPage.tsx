import { PageContainer, ProFormDependency, ProFormRadio, ProFormSwitch } from '@ant-design/pro-components';
import {
  MAX_AFTER_SALE_WINDOW_DAYS,
  MAX_BINDING_VALID_DAYS,
  PROMOTER_PROGRAM_MODE_LABELS,
  PROMOTER_PROGRAM_MODES,
  REFERRAL_BIND_SCOPE_LABELS,
  REFERRAL_BIND_SCOPES,
  REFERRAL_BINDING_MODE_LABELS,
  REFERRAL_BINDING_MODES,
  type ReferralSettings,
} from '@shared/api/referral';
import { WITHDRAWAL_MAX_FEN, WITHDRAWAL_WECHAT_MIN_FEN } from '@shared/api/withdrawals';
import { formatYuan } from '@shared/money';
import { REFERRAL_SETTINGS_ROLES } from '@shared/roles';
import { Alert, App, Card, Form, Space } from 'antd';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { RemoteContent } from '@/common/RemoteContent';
import { SettingsForm } from '@/common/SettingsForm';
import { useRemoteData } from '@/common/useRemoteData';
import { YuanInput, yuanRules } from '@/common/YuanInput';
import { CheckedNumberField } from './CheckedNumberField';
import { CommissionRateFields } from './CommissionRateFields';
import { ProductRatesCard } from './ProductRatesCard';
import { fetchReferralSettings, saveReferralSettings } from './referral-api';
import {
  AFTER_SALE_DAYS_BOUNDS,
  BINDING_DAYS_BOUNDS,
  formToSettings,
  referralRuleText,
  refuseIf,
  settingAmountProblem,
  settingsToForm,
  withdrawalLimitsProblem,
  withdrawalMinProblem,
  type ReferralSettingsFormValues,
} from './referral-settings-form';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((value) => ({ value, label: labels[value] }));

/** 分销设置: the shop's program, binding rule, two rates, settlement window and withdrawal limits; products' own rates. */
export default function ReferralSettingsPage() {
  const settings = useRemoteData(fetchReferralSettings);
  const canEdit = REFERRAL_SETTINGS_ROLES.includes(useCurrentStaff().role);
  return (
    <PageContainer title="分销设置" subTitle={canEdit ? undefined : '仅店主可以修改分销设置'}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title="分销规则">
          <RemoteContent state={settings.state} loadingTip="正在加载分销设置…" failedTitle="分销设置加载失败" onRetry={settings.reload}>
            {(saved) =>
              canEdit ? (
                <ReferralSettingsForm saved={saved} onSaved={settings.setData} />
              ) : (
                <Alert type="info" showIcon message={`当前规则：${referralRuleText(saved)}`} />
              )
            }
          </RemoteContent>
        </Card>
        <ProductRatesCard canEdit={canEdit} />
      </Space>
    </PageContainer>
  );
}

function ReferralSettingsForm({ saved, onSaved }: { saved: ReferralSettings; onSaved: (settings: ReferralSettings) => void }) {
  const { modal } = App.useApp();

  /** Switching 分销 off stops commission on new payments for every promoter: asked first. */
  const switchOffConfirmed = async (values: ReferralSettingsFormValues): Promise<boolean> => {
    if (!saved.enabled || values.enabled) return true;
    return modal.confirm({
      title: '关闭分销？',
      content: '关闭后会员看不到推广中心，之后付款的订单不再产生佣金；已产生的佣金照常结算，推广员的余额保留。',
      okText: '确认关闭',
      okButtonProps: { danger: true },
      cancelText: '取消',
    });
  };

  const save = async (values: ReferralSettingsFormValues) => {
    const next = await saveReferralSettings(formToSettings(values));
    onSaved(next);
    return settingsToForm(next);
  };

  return (
    <SettingsForm<ReferralSettingsFormValues>
      name="referral-settings"
      ruleText={referralRuleText(saved)}
      initialValues={settingsToForm(saved)}
      save={save}
      savedText="分销设置已保存"
      confirm={switchOffConfirmed}
      wrapperSpan={12}
    >
      <ProFormSwitch name="enabled" label="开启分销" extra="关闭时会员看不到推广中心、不能申请推广员，新付款的订单不产生佣金；谁推荐了谁仍会记录" />
      <ProFormRadio.Group
        name="programMode"
        label="推广员模式"
        options={options(PROMOTER_PROGRAM_MODES, PROMOTER_PROGRAM_MODE_LABELS)}
        extra="人人分销：会员自动成为推广员（可设消费门槛）；指定分销：会员免费申请，员工在「推广员」里审核"
      />
      <ProFormDependency name={['programMode']}>
        {({ programMode }) => (
            // Hidden, not removed: a removed field would be left out of what is saved.
            <Form.Item
              hidden={programMode !== 'everyone'}
              name="everyoneMinSpend"
              label="消费门槛"
              extra="会员已付款订单（扣除退款）累计达到此金额才成为推广员；留空表示不设门槛"
              rules={[...yuanRules({ required: false, positive: true }), { validator: async (_, value?: string) => refuseIf(settingAmountProblem(value)) }]}
            >
              <YuanInput aria-label="消费门槛" placeholder="留空则不设门槛" style={{ maxWidth: 200 }} />
            </Form.Item>
          )}
      </ProFormDependency>
      <ProFormRadio.Group
        name="bindingMode"
        label="绑定方式"
        options={options(REFERRAL_BINDING_MODES, REFERRAL_BINDING_MODE_LABELS)}
        extra="会员通过分享链接或海报进入时与分享者绑定；已有推荐人时，按此方式决定是否改绑"
      />
      <ProFormDependency name={['bindingMode']}>
        {({ bindingMode }) => (
            <CheckedNumberField
              hidden={bindingMode !== 'valid_days'}
              name="bindingValidDays"
              label="绑定有效期"
              bounds={BINDING_DAYS_BOUNDS}
              ariaLabel="绑定有效期"
              addonAfter="天"
              extra={`过期后新的分享者可以接手（1–${MAX_BINDING_VALID_DAYS} 天）`}
              requiredMessage="请填写绑定有效期"
            />
          )}
      </ProFormDependency>
      <ProFormRadio.Group name="bindScope" label="可被绑定的会员" options={options(REFERRAL_BIND_SCOPES, REFERRAL_BIND_SCOPE_LABELS)} extra="仅新会员：只有第一次登录（注册）时带着分享链接的会员会被绑定" />
      <CommissionRateFields
        level2Placeholder="留空则不设二级"
        level1Extra="直接推荐买家的推广员所得，按买家实际付款金额（会员价、优惠券、积分抵扣后，不含运费）计算，向下取整到分"
        level2Extra="推荐了一级推广员的人所得；留空表示不设二级。最多两级，两级之和不超过 100%"
      />
      <ProFormSwitch name="selfPurchaseCommission" label="自购返佣" extra="开启后推广员自己下单也得一级佣金（其推荐人得二级）；关闭时自己的订单照常给推荐人" />
      <CheckedNumberField
        name="afterSaleWindowDays"
        label="结算等待期"
        bounds={AFTER_SALE_DAYS_BOUNDS}
        ariaLabel="结算等待期"
        addonAfter="天"
        extra={`订单完成后再等这么多天（售后期）佣金才结算到推广员余额（0–${MAX_AFTER_SALE_WINDOW_DAYS} 天）`}
        requiredMessage="请填写结算等待期"
      />
      <Form.Item
        name="withdrawalMin"
        label="单次最少提现"
        required
        extra={`推广员每次提现至少这么多（${formatYuan(WITHDRAWAL_WECHAT_MIN_FEN)}–${formatYuan(WITHDRAWAL_MAX_FEN)}，微信单笔转账的范围）`}
        rules={[...yuanRules({ required: true, positive: true }), { validator: async (_, value?: string) => refuseIf(withdrawalMinProblem(value)) }]}
      >
        <YuanInput aria-label="单次最少提现" style={{ maxWidth: 200 }} />
      </Form.Item>
      <Form.Item
        name="withdrawalDailyLimit"
        label="每日提现上限"
        required
        dependencies={['withdrawalMin']}
        extra="每位推广员每天（北京时间）最多提现的金额，不小于单次最少提现"
        rules={[
          ...yuanRules({ required: true, positive: true }),
          ({ getFieldValue }) => ({
            validator: async (_, value?: string) => refuseIf(settingAmountProblem(value) ?? withdrawalLimitsProblem(getFieldValue('withdrawalMin'), value)),
          }),
        ]}
      >
        <YuanInput aria-label="每日提现上限" style={{ maxWidth: 200 }} />
      </Form.Item>
    </SettingsForm>
  );
}
