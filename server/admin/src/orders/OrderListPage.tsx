import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import type { AdminOrderRow, OrderStatusCounts } from '@shared/api/admin-orders';
import { formatYuan } from '@shared/money';
import { Button, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { canShipOrders } from '@/auth/access';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { tableRows } from '@/common/table-rows';
import { useFileExport } from '@/common/useFileExport';
import { formatTime } from '@/common/time';
import { OrderActions } from './OrderActions';
import { ExportToShipButton, PrintPickingListButton } from './picking/PickingListButtons';
import { exportFilename, orderListFilters, ORDER_LIST_TABS, PHONE_FILTER_PATTERN, tabFromQuery, tabLabel, type OrderFilterValues, type OrderListTab } from './order-filters';
import { exportOrders, fetchOrders, fetchOrderStatusCounts } from './orders-api';
import { ShipmentCell } from './ShipmentCell';
import { OrderStatusTag } from './StatusTags';

export default function OrderListPage() {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const tableRef = useRef<ActionType>();
  // The tab (a status, or 全部) lives in the address: 经营概览's 待发货 opens /orders?status=paid; /orders?reminded=true
  // (the 提醒发货 to-do) opens the list on the orders whose buyer asked to ship.
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = tabFromQuery(searchParams.get('status'));
  const [counts, setCounts] = useState<OrderStatusCounts | null>(null);
  // Orders ticked for the picking list (kept across pages of the list).
  const [selectedOrderNos, setSelectedOrderNos] = useState<string[]>([]);
  // The filters of the list on screen: the export downloads exactly those orders.
  const shownFilters = useRef<OrderFilterValues>({});
  const { exporting, exportFile: exportCsv } = useFileExport(
    () => exportOrders(orderListFilters(shownFilters.current)),
    () => exportFilename(dayjs().format('YYYYMMDD')),
    '订单已导出',
  );

  const columns: ProColumns<AdminOrderRow>[] = [
    {
      title: '订单号',
      dataIndex: 'orderNo',
      width: 200,
      fieldProps: { placeholder: '完整订单号' },
      render: (_, order) => <Link to={`/orders/${order.orderNo}`}>{order.orderNo}</Link>,
    },
    {
      title: '商品',
      dataIndex: 'product',
      hideInTable: true,
      fieldProps: { placeholder: '商品名称关键词' },
    },
    {
      title: '手机号',
      dataIndex: 'phone',
      hideInTable: true,
      fieldProps: { placeholder: '11 位手机号或后 4 位' },
      formItemProps: { rules: [{ pattern: PHONE_FILTER_PATTERN, message: '请输入 11 位手机号或后 4 位' }] },
    },
    {
      title: '提醒发货',
      dataIndex: 'reminded',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { true: { text: '买家已提醒，待发货' } },
      initialValue: searchParams.get('reminded') === 'true' ? 'true' : undefined,
    },
    {
      title: '下单日期',
      dataIndex: 'createdRange',
      valueType: 'dateRange',
      hideInTable: true,
    },
    {
      title: '商品',
      dataIndex: 'itemsText',
      search: false,
      ellipsis: true,
      width: 240,
      render: (_, order) => (
        <Space direction="vertical" size={0}>
          <Typography.Text ellipsis={{ tooltip: order.itemsText }} style={{ maxWidth: 240 }}>
            {order.itemsText}
          </Typography.Text>
          <Typography.Text type="secondary">共 {order.itemCount} 件</Typography.Text>
        </Space>
      ),
    },
    {
      title: '收货人',
      dataIndex: 'receiverName',
      search: false,
      render: (_, order) => (
        <Space direction="vertical" size={0}>
          {order.receiverName}
          {/* The server decides what the role sees: the full number or 138****0000. */}
          <Typography.Text type="secondary">{order.receiverPhone}</Typography.Text>
        </Space>
      ),
    },
    { title: '实付', dataIndex: 'payableFen', search: false, align: 'right', render: (_, order) => formatYuan(order.payableFen) },
    {
      title: '状态',
      dataIndex: 'status',
      // The tabs above the table choose the status.
      search: false,
      render: (_, order) => (
        <Space direction="vertical" size={2}>
          <OrderStatusTag status={order.status} refundedFen={order.refundedFen} fulfilmentHold={order.fulfilmentHold} />
          {order.shipRemindedAt && (
            <>
              <Tag color="red">买家已提醒发货</Tag>
              <Typography.Text type="secondary">{dayjs(order.shipRemindedAt).format('MM-DD HH:mm')}</Typography.Text>
            </>
          )}
        </Space>
      ),
    },
    {
      title: '下单 / 支付时间',
      dataIndex: 'createdAt',
      search: false,
      render: (_, order) => (
        <Space direction="vertical" size={0}>
          {formatTime(order.createdAt)}
          <Typography.Text type="secondary">{order.paidAt ? formatTime(order.paidAt) : '未支付'}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '物流',
      dataIndex: 'shipment',
      search: false,
      width: 170,
      render: (_, order) => <ShipmentCell shipment={order.shipment} />,
    },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 130,
      render: (_, order) => [
        <Link key="detail" to={`/orders/${order.orderNo}`} aria-label={`订单详情 ${order.orderNo}`}>
          详情
        </Link>,
        <OrderActions key="actions" asLinks orderNo={order.orderNo} status={order.status} fulfilmentHold={order.fulfilmentHold} onChanged={() => tableRef.current?.reload()} />,
      ],
    },
  ];

  return (
    <PageContainer title="订单管理">
      <ProTable<AdminOrderRow, OrderFilterValues & { current?: number; pageSize?: number; tab: OrderListTab }>
        rowKey="orderNo"
        actionRef={tableRef}
        columns={columns}
        params={{ tab }}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: tab,
            items: ORDER_LIST_TABS.map((key) => ({ key, label: <span data-testid={`order-tab-${key}`}>{tabLabel(key, counts)}</span> })),
            onChange: (key) => setSearchParams(key && key !== 'all' ? { status: String(key) } : {}),
          },
        }}
        scroll={{ x: 1300 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        // ProTable skips the rules of its filter form unless told otherwise; the phone filter has one.
        form={{ ignoreRules: false }}
        rowSelection={
          canShipOrders(staff.role)
            ? { selectedRowKeys: selectedOrderNos, preserveSelectedRowKeys: true, onChange: (keys) => setSelectedOrderNos(keys as string[]) }
            : false
        }
        tableAlertOptionRender={() => (
          <Space>
            <PrintPickingListButton orderNos={selectedOrderNos} size="small" />
            <Button size="small" type="link" onClick={() => setSelectedOrderNos([])}>
              取消选择
            </Button>
          </Space>
        )}
        toolBarRender={() => [
          <ExportToShipButton key="to-ship" />,
          canShipOrders(staff.role) && (
            <Button key="batch" icon={<UploadOutlined />} onClick={() => navigate('/batch-ship')}>
              批量发货
            </Button>
          ),
          <Button key="export" icon={<DownloadOutlined />} loading={exporting} onClick={exportCsv}>
            导出 CSV
          </Button>,
        ]}
        request={({ current = 1, pageSize = 20, tab: shown, ...filters }) => {
          const withStatus = { ...filters, status: shown === 'all' ? undefined : shown };
          shownFilters.current = withStatus;
          // The tabs count what the other filters match, in one GROUP BY beside the page itself.
          fetchOrderStatusCounts(orderListFilters(filters)).then(setCounts, () => setCounts(null));
          return tableRows(fetchOrders({ ...orderListFilters(withStatus), page: current, pageSize }));
        }}
        locale={{ emptyText: '没有符合条件的订单' }}
      />
    </PageContainer>
  );
}
