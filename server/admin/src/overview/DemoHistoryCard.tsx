import { ExclamationCircleFilled } from '@ant-design/icons';
import type { DemoHistoryStatus } from '@shared/api/demo-history';
import { Alert, App, Button, Space } from 'antd';
import { useState } from 'react';
import { notifyError, notifySuccess } from '@/common/feedback';
import { useRemoteData } from '@/common/useRemoteData';
import { fetchDemoHistory, removeDemoHistory } from './overview-api';

/**
 * For the owner: says the figures include the demo history a fresh install wrote, and removes it (after a
 * confirmation) in one go. Shows nothing once there is none.
 */
export function DemoHistoryCard({ onChanged }: { onChanged: () => void }) {
  const { modal } = App.useApp();
  const { state, reload } = useRemoteData<DemoHistoryStatus>(fetchDemoHistory);
  const [removing, setRemoving] = useState(false);
  if (state.status !== 'ready' || (state.data.members === 0 && !state.data.seeding)) return null;
  const { members, orders, seeding } = state.data;

  const confirmRemoval = () =>
    modal.confirm({
      title: '清除全部演示数据？',
      icon: <ExclamationCircleFilled />,
      content: `将删除 ${members} 位演示会员及其 ${orders} 笔订单、支付与退款记录、售后、积分、优惠券和购买统计，并从商品销量中扣除。真实会员和订单不受影响。清除后不能恢复。`,
      okText: '清除演示数据',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        setRemoving(true);
        try {
          const removed = await removeDemoHistory();
          notifySuccess(`已清除 ${removed.members} 位演示会员、${removed.orders} 笔演示订单`);
          onChanged();
        } catch (error) {
          notifyError(error);
        } finally {
          setRemoving(false);
          reload();
        }
      },
    });

  return (
    <Alert
      type="info"
      showIcon
      data-testid="demo-history"
      message={seeding ? '正在写入演示数据…' : `当前数据含演示数据：${members} 位演示会员、${orders} 笔演示订单`}
      description={
        seeding
          ? '首次启动时写入半年的演示会员与订单，约半分钟完成；完成后点「刷新」查看。'
          : '首次启动时写入，便于体验经营概览、复购分析等页面。正式营业前请清除。'
      }
      action={
        <Space>
          {seeding ? (
            <Button size="small" onClick={() => { reload(); onChanged(); }}>
              刷新
            </Button>
          ) : (
            <Button size="small" danger loading={removing} onClick={confirmRemoval}>
              清除演示数据
            </Button>
          )}
        </Space>
      }
    />
  );
}
