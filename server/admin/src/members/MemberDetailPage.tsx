import { UserOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import type { AdminMemberDetail } from '@shared/api/admin';
import { Avatar, Card, Descriptions, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiRequestError } from '@/api/client';
import { MemberPurchaseStatsCard } from '@/analytics/MemberPurchaseStatsCard';
import { DetailLoadFailed } from '@/common/DetailLoadFailed';
import { PageSpinner } from '@/common/PageSpinner';
import { useRemoteData } from '@/common/useRemoteData';
import { formatOptionalTime, formatTime } from '@/common/time';
import { MemberLoyaltyPanel } from './MemberLoyaltyPanel';
import { MemberOrdersCard } from './MemberOrdersCard';
import { fetchMember } from './members-api';

/** A member id in the address: a positive integer, or null for anything else (shown as not found without asking). */
function memberIdOf(param: string | undefined): number | null {
  return param && /^[1-9]\d{0,9}$/.test(param) ? Number(param) : null;
}

export default function MemberDetailPage() {
  const { id } = useParams();
  const memberId = memberIdOf(id);
  const navigate = useNavigate();
  const fetchThisMember = useCallback(
    // An id that cannot exist is answered as the server would, without asking it.
    () => (memberId === null ? Promise.reject(new ApiRequestError(404, 'NOT_FOUND', '')) : fetchMember(memberId)),
    [memberId],
  );
  const { state, reload } = useRemoteData(fetchThisMember);

  if (state.status === 'loading') return <PageSpinner tip="正在加载会员…" />;
  if (state.status === 'failed') {
    return (
      <DetailLoadFailed
        failure={state}
        subject="会员"
        notFoundText={`没有 ID 为 ${id} 的会员`}
        backTo="/members"
        backText="返回会员列表"
        onRetry={reload}
      />
    );
  }

  const member = state.data;
  return (
    <PageContainer title={member.nickname ?? '未设置昵称'} subTitle={`会员 ID ${member.id}`} onBack={() => navigate('/members')}>
      {/* One card per section, each loading its own data: a further section is one more line here. */}
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="member-detail">
        <MemberProfileCard member={member} />
        <MemberPurchaseStatsCard memberId={member.id} />
        <MemberLoyaltyPanel memberId={member.id} />
        <MemberOrdersCard memberId={member.id} />
      </Space>
    </PageContainer>
  );
}

function MemberProfileCard({ member }: { member: AdminMemberDetail }) {
  return (
    <Card title="基本资料" size="small">
      <Space align="start" size="large">
        <Avatar size={64} src={member.avatarUrl ?? undefined} icon={<UserOutlined />} />
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label="昵称">{member.nickname ?? '未设置昵称'}</Descriptions.Item>
          <Descriptions.Item label="会员 ID">{member.id}</Descriptions.Item>
          {/* As the server returns it: full for roles that may see it, masked otherwise. */}
          <Descriptions.Item label="手机号">{member.phone ?? '未绑定'}</Descriptions.Item>
          <Descriptions.Item label="OpenID">
            <Typography.Text copyable>{member.openid}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="UnionID">
            {member.unionid ? <Typography.Text copyable>{member.unionid}</Typography.Text> : '无'}
          </Descriptions.Item>
          <Descriptions.Item label="注册时间">{formatTime(member.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="最近登录">{formatOptionalTime(member.lastLoginAt)}</Descriptions.Item>
        </Descriptions>
      </Space>
    </Card>
  );
}
