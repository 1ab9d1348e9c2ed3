import { PageContainer } from '@ant-design/pro-components';
import { Card, Space } from 'antd';
import { RemoteContent } from '@/common/RemoteContent';
import { useRemoteData } from '@/common/useRemoteData';
import { LevelEditor } from './LevelEditor';
import { fetchLoyaltySettings, fetchMemberLevels } from './loyalty-api';
import { LoyaltySettingsForm } from './LoyaltySettingsForm';

/** 会员等级: the tiers with their benefits, and the points rule with the level window. */
export default function MemberLevelsPage() {
  const levels = useRemoteData(fetchMemberLevels);
  const settings = useRemoteData(fetchLoyaltySettings);

  return (
    <PageContainer title="会员等级" subTitle="会员按实付金额自动升降级，享受对应等级的会员价与包邮权益">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title="等级规则">
          <RemoteContent state={levels.state} failedTitle="等级规则加载失败" onRetry={levels.reload}>
            {(saved) => <LevelEditor saved={saved} onSaved={levels.setData} />}
          </RemoteContent>
        </Card>
        <Card title="积分与定级设置">
          <RemoteContent state={settings.state} failedTitle="积分设置加载失败" onRetry={settings.reload}>
            {(saved) => <LoyaltySettingsForm saved={saved} onSaved={settings.setData} />}
          </RemoteContent>
        </Card>
      </Space>
    </PageContainer>
  );
}
