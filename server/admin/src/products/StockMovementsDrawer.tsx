import { STOCK_MOVEMENT_REASON_LABELS, type StockMovement } from '@shared/api/inventory';
import { Drawer, Empty, Table, Typography } from 'antd';
import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { RemoteContent } from '@/common/RemoteContent';
import { formatTime } from '@/common/time';
import { useRemoteData } from '@/common/useRemoteData';
import { fetchStockMovements } from './products-api';

interface StockMovementsDrawerProps {
  /** The SKU whose movements show; null keeps the drawer closed. */
  sku: { id: number; label: string } | null;
  onClose: () => void;
}

/** A SKU's stock ledger, newest first: every sale, return, adjustment and edit that changed its stock. */
export function StockMovementsDrawer({ sku, onClose }: StockMovementsDrawerProps) {
  return (
    <Drawer title={sku ? `库存流水：${sku.label}` : '库存流水'} width={760} open={sku !== null} onClose={onClose} destroyOnHidden>
      {sku && <MovementTable skuId={sku.id} />}
    </Drawer>
  );
}

function MovementTable({ skuId }: { skuId: number }) {
  const { state, reload } = useRemoteData(useCallback(() => fetchStockMovements(skuId), [skuId]));
  return (
    <RemoteContent state={state} loadingTip="正在加载库存流水…" failedTitle="库存流水加载失败" onRetry={reload}>
      {(movements) => (
        <>
          <Typography.Paragraph type="secondary">显示最近 {movements.length} 条；初始库存 + 调整 − 售出 + 退回 = 当前库存。</Typography.Paragraph>
          <Table<StockMovement>
            rowKey="id"
            size="small"
            pagination={false}
            data-testid="stock-movements"
            dataSource={movements}
            locale={{ emptyText: <Empty description="还没有库存变动" /> }}
            columns={[
              { title: '时间', key: 'createdAt', width: 170, render: (_, row) => formatTime(row.createdAt) },
              { title: '原因', key: 'reason', width: 110, render: (_, row) => STOCK_MOVEMENT_REASON_LABELS[row.reason] },
              {
                title: '数量',
                key: 'delta',
                width: 80,
                align: 'right',
                render: (_, row) => (
                  <Typography.Text type={row.delta < 0 ? 'danger' : 'success'}>{row.delta > 0 ? `+${row.delta}` : row.delta}</Typography.Text>
                ),
              },
              {
                title: '订单号',
                key: 'orderNo',
                render: (_, row) => (row.orderNo ? <Link to={`/orders/${row.orderNo}`}>{row.orderNo}</Link> : '—'),
              },
              { title: '操作人', key: 'staffName', width: 100, render: (_, row) => row.staffName ?? '—' },
              { title: '备注', key: 'note', render: (_, row) => row.note ?? '—' },
            ]}
          />
        </>
      )}
    </RemoteContent>
  );
}
