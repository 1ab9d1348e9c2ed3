import type { MemberPurchaseStats } from '@shared/api/analytics';
import { formatYuan } from '@shared/money';
import { Alert, Button, Card, Descriptions, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { formatOptionalTime } from '@/common/time';
import { useRemoteData, type RemoteData } from '@/common/useRemoteData';
import { fetchMemberPurchaseStats } from './analytics-api';
import { daysOverdue, expectedNextText } from './member-stats-format';

/** The member detail's 购买统计 section: first and last order, count, net paid, interval and when they should be back. */
export function MemberPurchaseStatsCard({ memberId }: { memberId: number }) {
  const fetchStats = useCallback(() => fetchMemberPurchaseStats(memberId), [memberId]);
  const { state, reload } = useRemoteData(fetchStats);

  return (
    <Card
      title="购买统计"
      size="small"
      data-testid="member-purchase-stats"
      extra={<Typography.Text type="secondary">按已支付订单统计，全额退款的订单不计</Typography.Text>}
    >
      <PurchaseStatsBody state={state} onRetry={reload} />
    </Card>
  );
}

function PurchaseStatsBody({ state, onRetry }: { state: RemoteData<MemberPurchaseStats>; onRetry: () => void }) {
  if (state.status === 'loading') {
    return (
      <Spin tip="正在加载购买统计…">
        <div style={{ height: 80 }} />
      </Spin>
    );
  }
  if (state.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        message="购买统计加载失败"
        description={state.message}
        action={<Button onClick={onRetry}>重试</Button>}
      />
    );
  }
  const stats = state.data;
  if (stats.paidOrderCount === 0) return <Empty description="该会员还没有已支付订单" />;
  const overdue = daysOverdue(stats);
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
        <Descriptions.Item label="首次下单">{formatOptionalTime(stats.firstPaidAt)}</Descriptions.Item>
        <Descriptions.Item label="最近下单">{formatOptionalTime(stats.lastPaidAt)}</Descriptions.Item>
        <Descriptions.Item label="订单数">
          {stats.paidOrderCount} 笔（{stats.purchaseDayCount} 天购买）
        </Descriptions.Item>
        <Descriptions.Item label="累计实付（扣除退款）">{formatYuan(stats.totalNetPaidFen)}</Descriptions.Item>
        <Descriptions.Item label="平均复购间隔">
          {stats.averageDaysBetweenOrders === null ? '仅在 1 天购买过，暂无' : `${stats.averageDaysBetweenOrders} 天`}
        </Descriptions.Item>
        <Descriptions.Item label="预计下次购买">{expectedNextText(stats)}</Descriptions.Item>
        <Descriptions.Item label="距上次购买">
          <Space size="small">
            {stats.daysSinceLastPurchase === null ? '—' : `${stats.daysSinceLastPurchase} 天`}
            {overdue > 0 ? <Tag color="orange">已逾期 {overdue} 天</Tag> : <Tag color="green">未到预计复购日</Tag>}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {stats.computedAt && <Typography.Text type="secondary">统计更新于 {formatOptionalTime(stats.computedAt)}</Typography.Text>}
    </Space>
  );
}
