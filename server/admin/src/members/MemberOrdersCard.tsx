import { ProTable, type ProColumns } from '@ant-design/pro-components';
import type { AdminOrderRow } from '@shared/api/admin-orders';
import { formatYuan } from '@shared/money';
import { Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { tableRows } from '@/common/table-rows';
import { formatOptionalTime, formatTime } from '@/common/time';
import { fetchOrders } from '@/orders/orders-api';
import { OrderStatusTag } from '@/orders/StatusTags';

const COLUMNS: ProColumns<AdminOrderRow>[] = [
  {
    title: '订单号',
    dataIndex: 'orderNo',
    render: (_, order) => (
      <Link to={`/orders/${order.orderNo}`} aria-label={`订单详情 ${order.orderNo}`}>
        {order.orderNo}
      </Link>
    ),
  },
  {
    title: '商品',
    dataIndex: 'itemsText',
    ellipsis: true,
    render: (_, order) => (
      <Typography.Text ellipsis={{ tooltip: order.itemsText }} style={{ maxWidth: 280 }}>
        {order.itemsText}
      </Typography.Text>
    ),
  },
  { title: '实付', dataIndex: 'payableFen', align: 'right', render: (_, order) => formatYuan(order.payableFen) },
  { title: '状态', dataIndex: 'status', render: (_, order) => <OrderStatusTag status={order.status} refundedFen={order.refundedFen} fulfilmentHold={order.fulfilmentHold} /> },
  { title: '下单时间', dataIndex: 'createdAt', render: (_, order) => formatTime(order.createdAt) },
  { title: '支付时间', dataIndex: 'paidAt', render: (_, order) => formatOptionalTime(order.paidAt) },
];

/** The member detail's 订单记录 section: every order the member placed, newest first, each linking to its detail page. */
export function MemberOrdersCard({ memberId }: { memberId: number }) {
  return (
    <Card title="订单记录" size="small" data-testid="member-orders">
      <ProTable<AdminOrderRow>
        rowKey="orderNo"
        size="small"
        columns={COLUMNS}
        search={false}
        options={false}
        pagination={{ defaultPageSize: 10, showSizeChanger: true }}
        request={({ current = 1, pageSize = 10 }) => tableRows(fetchOrders({ memberId, page: current, pageSize }))}
        locale={{ emptyText: '该会员还没有订单' }}
      />
    </Card>
  );
}
