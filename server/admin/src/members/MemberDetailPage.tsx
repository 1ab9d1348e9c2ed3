import { UserOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import type { AdminMemberDetail } from '@shared/api/admin';
import { Avatar, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiRequestError } from '@/api/client';
import { MemberPurchaseStatsCard } from '@/analytics/MemberPurchaseStatsCard';
import { errorText } from '@/common/feedback';
import { PageSpinner } from '@/common/PageSpinner';
import { formatOptionalTime, formatTime } from '@/common/time';
import { MemberLoyaltyPanel } from './MemberLoyaltyPanel';
import { MemberOrdersCard } from './MemberOrdersCard';
import { fetchMember } from './members-api';

type Loaded = { status: 'loading' } | { status: 'failed'; notFound: boolean; message: string } | { status: 'loaded'; member: AdminMemberDetail };

/** A member id in the address: a positive integer, or null for anything else (shown as not found without asking). */
function memberIdOf(param: string | undefined): number | null {
  return param && /^[1-9]\d{0,9}$/.test(param) ? Number(param) : null;
}

export default function MemberDetailPage() {
  const { id } = useParams();
  const memberId = memberIdOf(id);
  const navigate = useNavigate();
  const [state, setState] = useState<Loaded>({ status: 'loading' });

  const load = useCallback(() => {
    if (memberId === null) {
      setState({ status: 'failed', notFound: true, message: '' });
      return;
    }
    setState({ status: 'loading' });
    fetchMember(memberId)
      .then((member) => setState({ status: 'loaded', member }))
      .catch((error: unknown) =>
        setState({ status: 'failed', notFound: error instanceof ApiRequestError && error.status === 404, message: errorText(error) }),
      );
  }, [memberId]);
  useEffect(load, [load]);

  if (state.status === 'loading') return <PageSpinner tip="正在加载会员…" />;
  if (state.status === 'failed') {
    return (
      <Result
        status={state.notFound ? '404' : 'error'}
        title={state.notFound ? '会员不存在' : '会员加载失败'}
        subTitle={state.notFound ? `没有 ID 为 ${id} 的会员` : state.message}
        extra={[
          <Button key="back" onClick={() => navigate('/members')}>
            返回会员列表
          </Button>,
          !state.notFound && (
            <Button key="retry" type="primary" onClick={load}>
              重试
            </Button>
          ),
        ]}
      />
    );
  }

  const { member } = state;
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
