import { ModalForm, ProFormDigit, ProFormTextArea, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import type { AdminMemberLoyalty, AdminPointsLedgerEntry, MemberLevel, MemberLevelChange } from '@shared/api/loyalty';
import { POINTS_REASON_LABELS } from '@shared/api/loyalty';
import { formatYuan } from '@shared/money';
import { pointsAdjustLimitFor } from '@shared/roles';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useRef, useState, type MutableRefObject } from 'react';
import { Link } from 'react-router-dom';
import { canAdjustPoints } from '@/auth/access';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { runStaffAction } from '@/common/feedback';
import { tableRows } from '@/common/table-rows';
import { RemoteContent } from '@/common/RemoteContent';
import { formatOptionalTime, formatTime } from '@/common/time';
import { useRemoteData } from '@/common/useRemoteData';
import { discountLabel } from '@/loyalty/level-form';
import { fetchMemberLevels } from '@/loyalty/loyalty-api';
import { adjustMemberPoints, fetchMemberLoyalty, fetchMemberPoints } from './member-loyalty-api';
import {
  levelChangeReasonLabel,
  levelProgress,
  levelProgressText,
  pointsAdjustmentConfirmText,
  pointsAdjustmentProblem,
  pointsValueFen,
  signedPoints,
} from './member-loyalty';

interface LoyaltyView {
  loyalty: AdminMemberLoyalty;
  levels: MemberLevel[];
}

/** One member's level (with progress to the next), net paid, points balance, level history and points ledger. */
export function MemberLoyaltyPanel({ memberId }: { memberId: number }) {
  const staff = useCurrentStaff();
  const ledgerRef = useRef<ActionType>();
  const [adjusting, setAdjusting] = useState(false);
  const fetchView = useCallback(
    async (): Promise<LoyaltyView> => {
      const [loyalty, levels] = await Promise.all([fetchMemberLoyalty(memberId), fetchMemberLevels()]);
      return { loyalty, levels };
    },
    [memberId],
  );
  const { state, reload } = useRemoteData(fetchView);

  const refresh = () => {
    reload();
    ledgerRef.current?.reload();
  };

  return (
    <RemoteContent state={state} failedTitle="等级积分加载失败" onRetry={reload}>
      {({ loyalty, levels }) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="member-loyalty">
          <LevelCard loyalty={loyalty} levels={levels} />
          <Card
            size="small"
            title="积分"
            extra={
              canAdjustPoints(staff.role) && (
                <Button size="small" onClick={() => setAdjusting(true)}>
                  调整积分
                </Button>
              )
            }
          >
            <Statistic title="积分余额" value={loyalty.pointsBalance} valueStyle={{ color: '#fa2c19' }} data-testid="points-balance" />
          </Card>
          <Card size="small" title="等级变动记录">
            <LevelHistory changes={loyalty.levelHistory} />
          </Card>
          <Card size="small" title="积分明细" styles={{ body: { padding: 0 } }}>
            <PointsLedger memberId={memberId} actionRef={ledgerRef} />
          </Card>
          {adjusting && (
            <AdjustPointsModal
              memberId={memberId}
              balance={loyalty.pointsBalance}
              pointsPerYuan={loyalty.pointsPerYuan}
              limit={pointsAdjustLimitFor(staff.role)}
              onClose={() => setAdjusting(false)}
              onChanged={refresh}
            />
          )}
        </Space>
      )}
    </RemoteContent>
  );
}

function LevelCard({ loyalty, levels }: LoyaltyView) {
  const progress = levelProgress(levels, loyalty.level, loyalty.netPaidFen);
  const discount = discountLabel(loyalty.level.memberPricePercent);
  return (
    <Card size="small" title="会员等级">
      <Descriptions column={2} size="small">
        <Descriptions.Item label="当前等级">
          <Tag color="gold" data-testid="member-level">
            {loyalty.level.name}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="实付（统计周期内，扣除退款）">
          <span data-testid="net-paid">{formatYuan(loyalty.netPaidFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="会员价">{discount || '—'}</Descriptions.Item>
        <Descriptions.Item label="包邮门槛">
          {loyalty.level.freeShippingThresholdFen === null
            ? '按店铺运费规则'
            : loyalty.level.freeShippingThresholdFen === 0
              ? '全场包邮'
              : `满 ${formatYuan(loyalty.level.freeShippingThresholdFen)}`}
        </Descriptions.Item>
      </Descriptions>
      <Progress percent={progress.percent} showInfo={false} strokeColor="#faad14" />
      <Typography.Text type="secondary">{levelProgressText(progress, loyalty.level)}</Typography.Text>
    </Card>
  );
}

function LevelHistory({ changes }: { changes: MemberLevelChange[] }) {
  if (changes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无等级变动" />;
  return (
    <Table<MemberLevelChange>
      rowKey="id"
      size="small"
      dataSource={changes}
      pagination={changes.length > 10 ? { pageSize: 10 } : false}
      columns={[
        { title: '时间', dataIndex: 'changedAt', render: (_, change) => formatTime(change.changedAt) },
        {
          title: '变动',
          render: (_, change) => (
            <>
              {change.fromLevelName ?? '—'} → <Typography.Text strong>{change.toLevelName}</Typography.Text>
            </>
          ),
        },
        { title: '原因', dataIndex: 'reason', render: (_, change) => levelChangeReasonLabel(change.reason) },
        { title: '当时实付', dataIndex: 'netPaidFen', render: (_, change) => formatYuan(change.netPaidFen) },
      ]}
    />
  );
}

function PointsLedger({ memberId, actionRef }: { memberId: number; actionRef: MutableRefObject<ActionType | undefined> }) {
  const columns: ProColumns<AdminPointsLedgerEntry>[] = [
    { title: '时间', dataIndex: 'createdAt', render: (_, entry) => formatTime(entry.createdAt) },
    { title: '原因', dataIndex: 'reason', render: (_, entry) => POINTS_REASON_LABELS[entry.reason] ?? entry.reason },
    {
      title: '变动',
      dataIndex: 'delta',
      align: 'right',
      render: (_, entry) => (
        <Typography.Text type={entry.delta > 0 ? 'danger' : undefined} strong>
          {signedPoints(entry.delta)}
        </Typography.Text>
      ),
    },
    { title: '余额', dataIndex: 'balanceAfter', align: 'right' },
    {
      title: '订单',
      dataIndex: 'orderNo',
      render: (_, entry) => (entry.orderNo ? <Link to={`/orders/${entry.orderNo}`}>{entry.orderNo}</Link> : '—'),
    },
    { title: '备注', dataIndex: 'note', render: (_, entry) => entry.note ?? '—' },
    { title: '操作人', dataIndex: 'staff', render: (_, entry) => entry.staff?.displayName ?? '—' },
    { title: '到期', dataIndex: 'expiresAt', render: (_, entry) => (entry.delta > 0 ? formatOptionalTime(entry.expiresAt) : '—') },
  ];
  return (
    <ProTable<AdminPointsLedgerEntry>
      rowKey="id"
      size="small"
      actionRef={actionRef}
      columns={columns}
      search={false}
      options={false}
      toolBarRender={false}
      locale={{ emptyText: '暂无积分记录' }}
      pagination={{ defaultPageSize: 10, showSizeChanger: false }}
      request={({ current = 1, pageSize = 10 }) => tableRows(fetchMemberPoints(memberId, { page: current, pageSize }))}
    />
  );
}

function AdjustPointsModal({
  memberId,
  balance,
  pointsPerYuan,
  limit,
  onClose,
  onChanged,
}: {
  memberId: number;
  balance: number;
  pointsPerYuan: number;
  /** The staff member's per-adjustment limit (null: none); the server enforces the same. */
  limit: number | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ delta: number; reason: string }>();
  const delta = Form.useWatch('delta', form);
  const confirmed = (value: number) =>
    modal.confirm({ title: '确认调整积分', content: pointsAdjustmentConfirmText(value, balance, pointsPerYuan), okText: '确认调整', cancelText: '再想想' });
  return (
    <ModalForm<{ delta: number; reason: string }>
      title="调整积分"
      open
      form={form}
      width={480}
      modalProps={{ onCancel: onClose, destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '确认调整', resetText: '取消' } }}
      onFinish={async ({ delta, reason }) => {
        if (!(await confirmed(delta))) return false;
        // Done here, or the balance changed meanwhile (409): either way the panel re-reads it.
        const done = await runStaffAction(
          () => adjustMemberPoints(memberId, { delta, reason: reason.trim() }),
          delta > 0 ? `已增加 ${delta} 积分` : `已扣减 ${-delta} 积分`,
          onChanged,
        );
        if (done) {
          onChanged();
          onClose();
        }
        return done;
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`当前余额 ${balance} 积分（${pointsPerYuan} 积分 = 1 元）。正数为增加，负数为扣减；调整记入积分明细（客服调整，记录操作人），会员可见。${
          limit === null ? '' : `单次最多 ±${limit} 积分，更多请由运营或店主调整。`
        }`}
      />
      <ProFormDigit
        name="delta"
        label="积分变动"
        required
        min={-1_000_000}
        max={1_000_000}
        fieldProps={{ precision: 0, addonAfter: '积分', 'aria-label': '积分变动' }}
        extra={Number.isInteger(delta) && delta !== 0 ? `价值 ${formatYuan(pointsValueFen(delta, pointsPerYuan))}` : undefined}
        rules={[
          {
            validator: async (_: unknown, value: number | null | undefined) => {
              const problem = pointsAdjustmentProblem(value, balance, limit);
              if (problem) throw new Error(problem);
            },
          },
        ]}
      />
      <ProFormTextArea
        name="reason"
        label="调整原因"
        placeholder="例如：补偿物流延误"
        fieldProps={{ maxLength: 100, showCount: true, 'aria-label': '调整原因' }}
        rules={[{ required: true, whitespace: true, message: '请填写调整原因' }]}
      />
    </ModalForm>
  );
}
