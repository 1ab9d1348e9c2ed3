import { ReloadOutlined } from '@ant-design/icons';
import { ProCard } from '@ant-design/pro-components';
import type { AdminEventDelivery, AdminEventDeliveryList } from '@shared/api/jobs';
import { Alert, Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { notifyError, notifySuccess } from '@/common/feedback';
import { RemoteContent } from '@/common/RemoteContent';
import { formatOptionalTime } from '@/common/time';
import { useRemoteData } from '@/common/useRemoteData';
import { deliveriesSummary, deliveryKey } from './job-format';
import { fetchEventDeliveries, retryEventDelivery } from './jobs-api';

/**
 * 事件投递: what a change tells the rest of the shop (order paid → points, statistics, messages) is delivered to each
 * follower until it succeeds. Here the owner sees the deliveries that gave up or that nothing is running, and runs
 * one again once the cause is fixed.
 */
export function EventDeliveriesPanel() {
  const load = useCallback(() => fetchEventDeliveries(), []);
  const { state, reload, refresh } = useRemoteData<AdminEventDeliveryList>(load);
  const [retrying, setRetrying] = useState<string | null>(null);

  const retry = async (delivery: AdminEventDelivery) => {
    setRetrying(deliveryKey(delivery));
    try {
      const after = await retryEventDelivery(delivery);
      if (after.status === 'done') notifySuccess('已重新投递，执行成功');
      else notifyError(new Error(`重新投递仍然失败：${after.lastError ?? '未知错误'}`));
    } catch (error) {
      notifyError(error);
    } finally {
      setRetrying(null);
      refresh();
    }
  };

  return (
    <ProCard
      title="事件投递"
      subTitle="订单、会员、积分等变化通知到各功能（积分、统计、消息）的情况"
      headerBordered
      style={{ marginTop: 16 }}
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={refresh}>
          刷新
        </Button>
      }
    >
      <RemoteContent state={state} loadingTip="正在加载事件投递…" failedTitle="事件投递加载失败" onRetry={reload}>
        {(data) => {
          const summary = deliveriesSummary(data);
          return (
            <>
              <Alert type={summary.type} showIcon message={summary.text} style={{ marginBottom: data.items.length ? 16 : 0 }} />
              {data.items.length > 0 && (
                <Table<AdminEventDelivery>
                  rowKey={deliveryKey}
                  dataSource={data.items}
                  pagination={false}
                  size="small"
                  scroll={{ x: 900 }}
                  columns={columns(retrying, retry)}
                />
              )}
            </>
          );
        }}
      </RemoteContent>
    </ProCard>
  );
}

function columns(retrying: string | null, retry: (delivery: AdminEventDelivery) => void): TableColumnsType<AdminEventDelivery> {
  return [
    {
      title: '事件',
      key: 'event',
      width: 220,
      render: (_, delivery) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{delivery.eventLabel}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {delivery.aggregateKey} · {formatOptionalTime(delivery.eventCreatedAt)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '处理',
      key: 'follower',
      width: 220,
      render: (_, delivery) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{delivery.followerLabel}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {delivery.follower}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_, delivery) => (delivery.status === 'failed' ? <Tag color="error">已放弃</Tag> : <Tag color="warning">积压</Tag>),
    },
    { title: '次数', dataIndex: 'attempts', align: 'right', width: 64 },
    {
      title: '最后错误',
      key: 'error',
      render: (_, delivery) =>
        delivery.lastError ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: delivery.lastError }} style={{ maxWidth: 240 }}>
            {delivery.lastError}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">无</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'action',
      width: 100,
      render: (_, delivery) => (
        <Button
          size="small"
          type="link"
          loading={retrying === deliveryKey(delivery)}
          disabled={retrying !== null && retrying !== deliveryKey(delivery)}
          aria-label={`重新投递 ${delivery.followerLabel}`}
          onClick={() => retry(delivery)}
        >
          重新投递
        </Button>
      ),
    },
  ];
}
