import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { PROMOTER_STATUS_LABELS, type AdminPromoter, type PromoterStatus } from '@shared/api/referral';
import { formatYuan } from '@shared/money';
import { FULL_PHONE_ROLES, PROMOTER_REVIEW_ROLES } from '@shared/roles';
import { Popconfirm, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { runStaffAction } from '@/common/feedback';
import { tableRows } from '@/common/table-rows';
import { DECISION_LABELS, decisionsFor, needsReason, PROMOTER_TABS, promoterTabFromQuery, promoterTabLabel, type PromoterTab } from './promoter-actions';
import { PromoterReasonModal } from './PromoterReasonModal';
import { PromoterTeamDrawer } from './PromoterTeamDrawer';
import { TimesCell } from './TimesCell';
import { decidePromoter, fetchPromoters, type PromoterDecision } from './referral-api';

const STATUS_COLORS: Record<PromoterStatus, string> = { pending: 'orange', active: 'green', rejected: 'default', frozen: 'red' };

/** 推广员: every promoter and applicant by status (待审核 is the apply queue), decisions, balance and debt, the team tree. */
export default function PromotersPage() {
  const staff = useCurrentStaff();
  const canReview = PROMOTER_REVIEW_ROLES.includes(staff.role);
  const tableRef = useRef<ActionType>();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = promoterTabFromQuery(searchParams.get('status'));
  const [reasonFor, setReasonFor] = useState<{ promoter: AdminPromoter; decision: 'reject' | 'freeze' } | null>(null);
  const [teamOf, setTeamOf] = useState<AdminPromoter | null>(null);
  const reload = () => tableRef.current?.reload();

  const decide = async (promoter: AdminPromoter, decision: PromoterDecision) => {
    const done = await runStaffAction(() => decidePromoter(promoter.memberId, decision), `已${DECISION_LABELS[decision]}「${promoter.nickname || `会员${promoter.memberId}`}」`, reload);
    if (done) reload();
  };

  const columns: ProColumns<AdminPromoter>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '昵称 / 手机号' } },
    {
      title: '会员',
      dataIndex: 'nickname',
      search: false,
      render: (_, promoter) => (
        <Space direction="vertical" size={0}>
          <Link to={`/members/${promoter.memberId}`}>{promoter.nickname || '未设置昵称'}</Link>
          <Typography.Text type="secondary">ID {promoter.memberId}</Typography.Text>
        </Space>
      ),
    },
    // The server decides what the role sees: the full number or 138****0000.
    { title: '手机号', dataIndex: 'phone', search: false, render: (_, promoter) => promoter.phone ?? '未绑定' },
    {
      title: '状态',
      dataIndex: 'status',
      search: false,
      render: (_, promoter) => (
        <Space direction="vertical" size={2}>
          <Tag color={STATUS_COLORS[promoter.status]}>{PROMOTER_STATUS_LABELS[promoter.status]}</Tag>
          {promoter.rejectReason && promoter.status === 'rejected' && <Typography.Text type="secondary">原因：{promoter.rejectReason}</Typography.Text>}
          {promoter.freezeReason && promoter.status === 'frozen' && <Typography.Text type="danger">原因：{promoter.freezeReason}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '来源 / 申请说明',
      dataIndex: 'applyNote',
      search: false,
      width: 220,
      render: (_, promoter) => (
        <Space direction="vertical" size={0}>
          {promoter.source === 'auto' ? '人人分销自动成为' : '会员申请'}
          {promoter.applyNote && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: promoter.applyNote }} style={{ maxWidth: 220 }}>
              {promoter.applyNote}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '申请 / 处理时间',
      dataIndex: 'appliedAt',
      search: false,
      render: (_, promoter) => <TimesCell started={promoter.appliedAt} finished={promoter.decidedAt} pendingText="未处理" />,
    },
    { title: '一级人数', dataIndex: 'teamLevel1Count', search: false, align: 'right' },
    { title: '余额', dataIndex: 'balanceFen', search: false, align: 'right', render: (_, promoter) => formatYuan(promoter.balanceFen) },
    {
      title: '欠款',
      dataIndex: 'debtFen',
      search: false,
      align: 'right',
      tooltip: '结算后才发生的退款超出余额的部分；之后的佣金先还欠款，还清前不能提现',
      render: (_, promoter) => (promoter.debtFen > 0 ? <Typography.Text type="danger">{formatYuan(promoter.debtFen)}</Typography.Text> : formatYuan(0)),
    },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 170,
      render: (_, promoter) => [
        <a key="team" onClick={() => setTeamOf(promoter)} aria-label={`团队 ${promoter.memberId}`}>
          团队
        </a>,
        ...decisionsFor(promoter.status, canReview).map((decision) =>
          needsReason(decision) ? (
            <a key={decision} className={decision === 'freeze' ? 'danger-link' : undefined} style={decision === 'freeze' ? { color: '#ff4d4f' } : undefined} onClick={() => setReasonFor({ promoter, decision: decision as 'reject' | 'freeze' })}>
              {DECISION_LABELS[decision]}
            </a>
          ) : (
            <Popconfirm
              key={decision}
              title={decision === 'approve' ? `通过「${promoter.nickname || promoter.memberId}」的申请？` : `解冻「${promoter.nickname || promoter.memberId}」？`}
              description={decision === 'approve' ? '通过后 TA 成为推广员，朋友通过 TA 的分享下单会产生佣金' : '解冻后 TA 恢复推广员资格，新的订单会再次产生佣金'}
              okText={DECISION_LABELS[decision]}
              cancelText="取消"
              onConfirm={() => decide(promoter, decision)}
            >
              <a>{DECISION_LABELS[decision]}</a>
            </Popconfirm>
          ),
        ),
      ],
    },
  ];

  return (
    <PageContainer title="推广员" subTitle={FULL_PHONE_ROLES.includes(staff.role) ? undefined : '手机号已按角色权限脱敏显示'}>
      <ProTable<AdminPromoter, { current?: number; pageSize?: number; keyword?: string; tab: PromoterTab }>
        rowKey="memberId"
        actionRef={tableRef}
        columns={columns}
        params={{ tab }}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: tab,
            items: PROMOTER_TABS.map((key) => ({ key, label: <span data-testid={`promoter-tab-${key}`}>{promoterTabLabel(key)}</span> })),
            onChange: (key) => setSearchParams(key && key !== 'all' ? { status: String(key) } : {}),
          },
        }}
        scroll={{ x: 1200 }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={({ current = 1, pageSize = 20, keyword, tab: shown }) =>
          tableRows(fetchPromoters({ status: shown === 'all' ? undefined : shown, keyword: keyword?.trim() || undefined, page: current, pageSize }))
        }
        locale={{ emptyText: tab === 'pending' ? '没有待审核的申请' : '没有符合条件的推广员' }}
      />
      {reasonFor && (
        <PromoterReasonModal
          promoter={reasonFor.promoter}
          decision={reasonFor.decision}
          onClose={() => setReasonFor(null)}
          onChanged={reload}
        />
      )}
      {teamOf && <PromoterTeamDrawer promoter={teamOf} onClose={() => setTeamOf(null)} />}
    </PageContainer>
  );
}
