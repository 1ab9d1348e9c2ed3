import { ProFormDigit } from '@ant-design/pro-components';
import { LOYALTY_SETTINGS_RANGES as RANGES, type LoyaltySettings } from '@shared/api/loyalty';
import { App } from 'antd';
import { SettingsForm } from '@/common/SettingsForm';
import { saveLoyaltySettings } from './loyalty-api';
import { loyaltyRuleText } from './loyalty-settings-text';

interface SettingField {
  name: keyof LoyaltySettings;
  label: string;
  unit: string;
  extra: string;
}

const FIELDS: SettingField[] = [
  { name: 'levelWindowDays', label: '定级周期', unit: '天', extra: '按最近这么多天的实付金额（扣除退款）评定会员等级' },
  { name: 'pointsEarnedPerYuan', label: '积分获得', unit: '积分/元', extra: '订单完成后，实付每 1 元获得的积分；填 0 表示不发放积分' },
  { name: 'pointsPerYuan', label: '积分抵扣比例', unit: '积分 = 1 元', extra: '下单时多少积分抵扣 1 元' },
  { name: 'pointsMaxSharePercent', label: '抵扣上限', unit: '%', extra: '积分最多抵扣商品金额（扣除优惠券后）的比例；填 0 表示不能用积分抵扣' },
  { name: 'pointsExpiryMonths', label: '积分有效期', unit: '月', extra: '积分自获得起这么多个月后过期' },
];

/** The points rule and the level window; a changed window asks for confirmation (every member's level follows it). */
export function LoyaltySettingsForm({ saved, onSaved }: { saved: LoyaltySettings; onSaved: (settings: LoyaltySettings) => void }) {
  const { modal } = App.useApp();

  /** Resolves true when the window is unchanged or the person confirms the change. */
  const windowChangeConfirmed = async (values: LoyaltySettings): Promise<boolean> => {
    if (values.levelWindowDays === saved.levelWindowDays) return true;
    return modal.confirm({
      title: '调整定级周期？',
      content: `定级周期将从 ${saved.levelWindowDays} 天改为 ${values.levelWindowDays} 天，会员等级将在下次计算时更新`,
      okText: '确认保存',
      cancelText: '取消',
    });
  };

  const save = async (values: LoyaltySettings) => {
    const next = await saveLoyaltySettings(values);
    onSaved(next);
    return next;
  };

  return (
    <SettingsForm<LoyaltySettings>
      name="loyalty-settings"
      ruleText={loyaltyRuleText(saved)}
      initialValues={saved}
      save={save}
      savedText="积分与定级设置已保存"
      confirm={windowChangeConfirmed}
      wrapperSpan={12}
    >
      {FIELDS.map(({ name, label, unit, extra }) => (
        <ProFormDigit
          key={name}
          name={name}
          label={label}
          min={RANGES[name].min}
          max={RANGES[name].max}
          width="sm"
          fieldProps={{ precision: 0, addonAfter: unit, 'aria-label': label }}
          extra={`${extra}（${RANGES[name].min}–${RANGES[name].max}）`}
          rules={[{ required: true, message: `请填写${label}` }]}
        />
      ))}
    </SettingsForm>
  );
}
