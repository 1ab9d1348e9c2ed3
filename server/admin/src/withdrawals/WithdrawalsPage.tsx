import { ModalForm, PageContainer, ProFormTextArea, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import {
  TRANSFER_STATE_LABELS,
  WITHDRAWAL_STATUS_LABELS,
  WITHDRAWAL_STATUSES,
  type AdminWithdrawal,
  type WithdrawalStatus,
} from '@shared/api/withdrawals';
import { formatYuan } from '@shared/money';
import { Alert, Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { runStaffAction } from '@/common/feedback';
import { tableRowsOrFailure } from '@/common/table-rows';
import { formatOptionalTime, formatTime } from '@/common/time';
import { withdrawalActions } from './withdrawal-actions';
import { approveWithdrawal, cancelWithdrawal, fetchWithdrawals, refreshWithdrawal, rejectWithdrawal } from './withdrawals-api';

type StatusTab = WithdrawalStatus | 'all';

const TABS: { key: StatusTab; label: string }[] = [
  ...WITHDRAWAL_STATUSES.map((status) => ({ key: status, label: WITHDRAWAL_STATUS_LABELS[status] })),
  { key: 'all', label: '全部' },
];

const STATUS_COLORS: Record<WithdrawalStatus, string> = {
  requested: 'gold',
  approved: 'processing',
  waiting: 'blue',
  success: 'success',
  failed: 'error',
  cancelled: 'default',
  rejected: 'default',
};

const EMPTY_TEXT: Partial<Record<StatusTab, string>> = { requested: '没有待审核的提现申请', waiting: '没有等待确认收款的提现' };

function statusTab(value: string | null): StatusTab {
  return TABS.some((tab) => tab.key === value) ? (value as StatusTab) : 'requested';
}

/**
 * 提现审核: promoters' withdrawal requests and their WeChat transfer bills. Approving creates the bill (the
 * promoter then confirms receipt in WeChat within 24 hours); rejecting and cancelling give the amount back to the
 * promoter's balance. Each action is confirmed first; a 409 (someone else acted meanwhile) reloads the queue.
 */
export default function WithdrawalsPage() {
  const staff = useCurrentStaff();
  const tableRef = useRef<ActionType>();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = statusTab(searchParams.get('status'));
  const memberId = Number(searchParams.get('memberId')) || null;
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [rejecting, setRejecting] = useState<AdminWithdrawal | null>(null);
  const reload = () => tableRef.current?.reload();

  const run = async (row: AdminWithdrawal, action: () => Promise<AdminWithdrawal>, done: string) => {
    setBusyId(row.id);
    await runStaffAction(action, done, reload);
    setBusyId(null);
    reload();
  };

  const columns: ProColumns<AdminWithdrawal>[] = [
    { title: '编号', dataIndex: 'id', width: 70 },
    {
      title: '推广员',
      dataIndex: 'memberId',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <span>{row.nickname || `会员 ${row.memberId}`}</span>
          <Typography.Text type="secondary">
            ID {row.memberId}
            {row.phone ? ` · ${row.phone}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '提现金额', dataIndex: 'amountFen', align: 'right', render: (_, row) => <strong>{formatYuan(row.amountFen)}</strong> },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_, row) => (
        <Tag color={STATUS_COLORS[row.status]} data-testid={`withdrawal-status-${row.id}`}>
          {row.statusText}
        </Tag>
      ),
    },
    {
      title: '微信转账',
      dataIndex: 'wechatState',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <span>{row.wechatState ? (TRANSFER_STATE_LABELS[row.wechatState] ?? row.wechatState) : '—'}</span>
          {row.failReasonText && <Typography.Text type="danger">{row.failReasonText}</Typography.Text>}
          {row.lastError && (
            <Tooltip title={row.lastError}>
              <Typography.Text type="warning">微信答复异常，系统会自动重试</Typography.Text>
            </Tooltip>
          )}
          {row.wechatCheckedAt && <Typography.Text type="secondary">更新于 {formatTime(row.wechatCheckedAt)}</Typography.Text>}
        </Space>
      ),
    },
    { title: '申请时间', dataIndex: 'requestedAt', render: (_, row) => formatTime(row.requestedAt) },
    {
      title: '审核',
      dataIndex: 'reviewedAt',
      render: (_, row) =>
        row.reviewedAt ? (
          <Space direction="vertical" size={0}>
            <span>{row.reviewedByName ?? '—'}</span>
            <Typography.Text type="secondary">{formatOptionalTime(row.reviewedAt)}</Typography.Text>
            {row.rejectReason && <Typography.Text type="secondary">原因：{row.rejectReason}</Typography.Text>}
            {row.cancelledByName && <Typography.Text type="secondary">{row.cancelledByName} 撤销</Typography.Text>}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: '操作',
      valueType: 'option',
      render: (_, row) => {
        const actions = withdrawalActions(row, staff.role);
        const busy = busyId === row.id;
        return [
          actions.includes('approve') && (
            <Popconfirm
              key="approve"
              title="通过这笔提现？"
              description={`将向推广员发起微信转账 ${formatYuan(row.amountFen)}，推广员需在 24 小时内确认收款。`}
              okText="确认通过"
              cancelText="再想想"
              onConfirm={() => run(row, () => approveWithdrawal(row.id), '已通过，已发起微信转账')}
            >
              <Button type="link" size="small" loading={busy} aria-label={`通过提现 ${row.id}`}>
                通过
              </Button>
            </Popconfirm>
          ),
          actions.includes('reject') && (
            <Button key="reject" type="link" size="small" danger disabled={busy} aria-label={`拒绝提现 ${row.id}`} onClick={() => setRejecting(row)}>
              拒绝
            </Button>
          ),
          actions.includes('cancel') && (
            <Popconfirm
              key="cancel"
              title="撤销这笔转账？"
              description="推广员将不能再确认收款；微信撤销后金额退回推广员余额。此操作无法恢复。"
              okText="确认撤销"
              okButtonProps={{ danger: true }}
              cancelText="再想想"
              onConfirm={() => run(row, () => cancelWithdrawal(row.id), '已申请撤销，微信撤销后金额退回余额')}
            >
              <Button type="link" size="small" danger disabled={busy} aria-label={`撤销提现 ${row.id}`}>
                撤销
              </Button>
            </Popconfirm>
          ),
          actions.includes('refresh') && (
            <Button key="refresh" type="link" size="small" loading={busy} aria-label={`刷新提现 ${row.id}`} onClick={() => run(row, () => refreshWithdrawal(row.id), '已向微信查询最新状态')}>
              刷新状态
            </Button>
          ),
        ].filter(Boolean);
      },
    },
  ];

  return (
    <PageContainer title="提现审核" content="推广员的佣金提现：通过后向推广员发起微信商家转账，推广员在微信里确认收款后到账；拒绝、撤销、转账失败或超过 24 小时未确认，金额退回推广员余额。">
      {loadError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="提现列表加载失败"
          description={loadError}
          action={
            <Button size="small" onClick={reload}>
              重试
            </Button>
          }
        />
      )}
      {memberId && (
        <Tag closable style={{ marginBottom: 12 }} onClose={() => setSearchParams({ status: tab })} data-testid="withdrawal-member-filter">
          只看会员 {memberId} 的提现
        </Tag>
      )}
      <ProTable<AdminWithdrawal, { current?: number; pageSize?: number; tab: StatusTab; memberId: number | null }>
        rowKey="id"
        actionRef={tableRef}
        columns={columns}
        search={false}
        params={{ tab, memberId }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ reload: true, density: false, setting: false }}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: tab,
            items: TABS.map(({ key, label }) => ({ key, label })),
            onChange: (key) => setSearchParams({ status: String(key ?? 'requested'), ...(memberId ? { memberId: String(memberId) } : {}) }),
          },
        }}
        request={({ current = 1, pageSize = 20, tab: shown, memberId: member }) => tableRowsOrFailure(fetchWithdrawals({ status: shown === 'all' ? undefined : shown, memberId: member ?? undefined, page: current, pageSize }), setLoadError)}
        locale={{ emptyText: EMPTY_TEXT[tab] ?? '暂无提现记录' }}
      />
      {rejecting && (
        <ModalForm<{ reason: string }>
          title={`拒绝提现 ${formatYuan(rejecting.amountFen)}`}
          open
          width={480}
          modalProps={{ onCancel: () => setRejecting(null), destroyOnHidden: true }}
          submitter={{ searchConfig: { submitText: '确认拒绝' } }}
          onFinish={async ({ reason }) => {
            const done = await runStaffAction(() => rejectWithdrawal(rejecting.id, { reason: reason.trim() }), '已拒绝，金额已退回推广员余额', reload);
            setRejecting(null);
            reload();
            return done;
          }}
        >
          <ProFormTextArea
            name="reason"
            label="拒绝原因"
            tooltip="推广员会看到这段文字"
            placeholder="例如：推广订单存在异常，请联系客服"
            fieldProps={{ maxLength: 200, showCount: true, 'aria-label': '拒绝原因' }}
            rules={[{ required: true, whitespace: true, message: '请填写拒绝原因' }]}
          />
        </ModalForm>
      )}
    </PageContainer>
  );
}
