import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { INVITE_REWARD_STATUS_LABELS, INVITE_REWARD_STATUSES, type AdminInviteReward, type InviteRewardStatus } from '@shared/api/invite-rewards';
import { REFERRAL_SETTINGS_ROLES } from '@shared/roles';
import { Alert, Card, Space, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { RemoteContent } from '@/common/RemoteContent';
import { tableRows } from '@/common/table-rows';
import { formatOptionalTime, formatTime } from '@/common/time';
import { useRemoteData } from '@/common/useRemoteData';
import { fetchCouponTemplates } from '@/coupons/coupons-api';
import { fetchInviteRewards, fetchInviteRule } from './invite-api';
import { InviteRuleForm } from './InviteRuleForm';

const STATUS_COLORS: Record<InviteRewardStatus, string> = { waiting: 'processing', granted: 'success', void: 'default', failed: 'error' };

const person = (who: AdminInviteReward['inviter']) => (
  <Space direction="vertical" size={0}>
    <Link to={`/members/${who.memberId}`}>{who.nickname || `会员 ${who.memberId}`}</Link>
    <Typography.Text type="secondary">{who.phone ?? '未绑定手机号'}</Typography.Text>
  </Space>
);

const columns: ProColumns<AdminInviteReward>[] = [
  { title: '邀请人', dataIndex: 'inviter', search: false, render: (_, row) => person(row.inviter) },
  { title: '好友', dataIndex: 'invitee', search: false, render: (_, row) => person(row.invitee) },
  { title: '好友首单', dataIndex: 'orderNo', search: false, render: (_, row) => <Link to={`/orders/${row.orderNo}`}>{row.orderNo}</Link> },
  { title: '奖励', dataIndex: 'rewardText', search: false },
  {
    title: '状态',
    dataIndex: 'status',
    valueType: 'select',
    valueEnum: Object.fromEntries(INVITE_REWARD_STATUSES.map((status) => [status, { text: INVITE_REWARD_STATUS_LABELS[status] }])),
    render: (_, row) => (
      <Space direction="vertical" size={0}>
        <Tag color={STATUS_COLORS[row.status]}>{INVITE_REWARD_STATUS_LABELS[row.status]}</Tag>
        {row.note && <Typography.Text type="secondary">{row.note}</Typography.Text>}
      </Space>
    ),
  },
  { title: '首单付款记录于', dataIndex: 'createdAt', search: false, render: (_, row) => formatTime(row.createdAt) },
  { title: '发放时间', dataIndex: 'grantedAt', search: false, render: (_, row) => formatOptionalTime(row.grantedAt) },
];

/** 邀请有礼: the rule (owner edits, others read) and every invited friend's reward. */
export default function InviteRewardsPage() {
  const staff = useCurrentStaff();
  const canEdit = REFERRAL_SETTINGS_ROLES.includes(staff.role);
  const rule = useRemoteData(fetchInviteRule);
  const loadTemplates = useCallback(async () => (canEdit ? (await fetchCouponTemplates({ status: 'active', pageSize: 100 })).items : []), [canEdit]);
  const templates = useRemoteData(loadTemplates);

  return (
    <PageContainer title="邀请有礼" subTitle="好友的首单完成并过了售后期后，奖励发给邀请人；分享和注册本身不发奖励（微信禁止诱导分享）">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title="奖励规则">
          <RemoteContent state={rule.state} failedTitle="邀请有礼规则加载失败" onRetry={rule.reload}>
            {(saved) =>
              canEdit ? (
                <RemoteContent state={templates.state} failedTitle="优惠券列表加载失败" onRetry={templates.reload}>
                  {(list) => <InviteRuleForm saved={saved} onSaved={rule.setData} templates={list} />}
                </RemoteContent>
              ) : (
                <Alert type="info" showIcon message={`当前规则：${saved.summary}`} description={saved.ruleText || '只有店主可以修改邀请有礼规则'} />
              )
            }
          </RemoteContent>
        </Card>
        <Card title="邀请奖励记录" bodyStyle={{ padding: 0 }}>
          <ProTable<AdminInviteReward, { current?: number; pageSize?: number; status?: InviteRewardStatus }>
            rowKey="id"
            columns={columns}
            pagination={{ defaultPageSize: 20, showSizeChanger: true }}
            search={{ labelWidth: 'auto' }}
            options={false}
            request={({ current = 1, pageSize = 20, status }) => tableRows(fetchInviteRewards({ page: current, pageSize, status }))}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
