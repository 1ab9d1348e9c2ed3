import { PageContainer } from '@ant-design/pro-components';
import type { LiveSettings } from '@shared/api/live';
import { Alert, Card } from 'antd';
import { useNavigate } from 'react-router-dom';
import { canManageLive } from '@/auth/access';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { RemoteContent } from '@/common/RemoteContent';
import { SettingsForm } from '@/common/SettingsForm';
import { useRemoteData } from '@/common/useRemoteData';
import { CheckedNumberField } from '@/referral/CheckedNumberField';
import { fetchLiveSettings, saveLiveSettings } from './live-api';
import { ATTRIBUTION_WINDOW_BOUNDS, liveSettingsRuleText, REMINDER_LEAD_BOUNDS } from './live-form';

/** 直播设置: the attribution window and how long before the start the reminder goes out. */
export default function LiveSettingsPage() {
  const settings = useRemoteData(fetchLiveSettings);
  const canEdit = canManageLive(useCurrentStaff().role);
  const navigate = useNavigate();
  return (
    <PageContainer title="直播设置" subTitle={canEdit ? undefined : '当前角色只能查看直播设置'} onBack={() => navigate('/live')}>
      <Card>
        <RemoteContent state={settings.state} loadingTip="正在加载直播设置…" failedTitle="直播设置加载失败" onRetry={settings.reload}>
          {(saved) =>
            canEdit ? (
              <SettingsForm<LiveSettings>
                name="live-settings"
                ruleText={liveSettingsRuleText(saved)}
                initialValues={saved}
                save={async (values) => {
                  const next = await saveLiveSettings({ attributionWindowHours: values.attributionWindowHours, reminderLeadMinutes: values.reminderLeadMinutes });
                  settings.setData(next);
                  return next;
                }}
                savedText="直播设置已保存"
                wrapperSpan={12}
              >
                <CheckedNumberField
                  name="attributionWindowHours"
                  label="归因窗口"
                  bounds={ATTRIBUTION_WINDOW_BOUNDS}
                  ariaLabel="归因窗口"
                  addonAfter="小时"
                  requiredMessage="请填写归因窗口"
                  extra="会员接触直播（点击直播入口或从直播间进店）后多少小时内付款的订单算作该场直播带来的（1–168 小时，默认 24）"
                />
                <CheckedNumberField
                  name="reminderLeadMinutes"
                  label="提前提醒"
                  bounds={REMINDER_LEAD_BOUNDS}
                  ariaLabel="提前提醒"
                  addonAfter="分钟"
                  requiredMessage="请填写提前提醒的分钟数"
                  extra="开播前多少分钟给已预约并同意提醒的会员发订阅消息，每次同意只发一次（1–1440 分钟，默认 10）"
                />
              </SettingsForm>
            ) : (
              <Alert type="info" showIcon message={`当前规则：${liveSettingsRuleText(saved)}`} />
            )
          }
        </RemoteContent>
      </Card>
    </PageContainer>
  );
}
