import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import {
  AFTER_SALE_STATUS_LABELS,
  AFTER_SALE_STATUSES,
  AFTER_SALE_TYPE_LABELS,
  AFTER_SALE_TYPES,
  type AfterSale,
  type AfterSaleStatus,
  type AfterSaleType,
} from '@shared/api/after-sales';
import { formatYuan } from '@shared/money';
import { Button, Drawer, Tag } from 'antd';
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { canHandleAfterSales } from '@/auth/access';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { tableRows } from '@/common/table-rows';
import { formatOptionalTime, formatTime } from '@/common/time';
import { ShipmentCell } from '@/orders/ShipmentCell';
import { AfterSaleStatusTag } from '@/orders/StatusTags';
import { AfterSaleCase } from './AfterSaleCase';
import { fetchAfterSales } from './after-sales-api';

type StatusTab = AfterSaleStatus | 'all';

/** The queue opens on the cases waiting for staff. */
const TABS: { key: StatusTab; label: string }[] = [
  ...AFTER_SALE_STATUSES.map((status) => ({ key: status, label: AFTER_SALE_STATUS_LABELS[status] })),
  { key: 'all', label: '全部' },
];

/** The tab the address asks for, else `fallback`. */
function statusTab(value: string | null, fallback: StatusTab): StatusTab {
  return TABS.some((tab) => tab.key === value) ? (value as StatusTab) : fallback;
}

function afterSaleType(value: string | null): AfterSaleType | null {
  return (AFTER_SALE_TYPES as readonly (string | null)[]).includes(value) ? (value as AfterSaleType) : null;
}

export default function AfterSaleListPage() {
  const tableRef = useRef<ActionType>();
  const staff = useCurrentStaff();
  // The tab and a type filter live in the address: 经营概览's 退货待收货 opens ?status=approved&type=return_refund.
  // Without them the queue opens on the role's work: cases waiting for staff, or (the warehouse, which only
  // confirms returned parcels) the returns waiting for theirs.
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = statusTab(searchParams.get('status'), canHandleAfterSales(staff.role) ? 'applied' : 'approved');
  const type = afterSaleType(searchParams.get('type'));
  const setTab = (next: StatusTab) => setSearchParams({ status: next, ...(type ? { type } : {}) });
  const [open, setOpen] = useState<AfterSale | null>(null);

  const columns: ProColumns<AfterSale>[] = [
    { title: '售后单号', dataIndex: 'id', width: 90 },
    { title: '订单号', dataIndex: 'orderNo', width: 200, render: (_, row) => <Link to={`/orders/${row.orderNo}`}>{row.orderNo}</Link> },
    { title: '类型', dataIndex: 'type', render: (_, row) => AFTER_SALE_TYPE_LABELS[row.type] },
    { title: '原因', dataIndex: 'reason', ellipsis: true },
    { title: '退款金额', dataIndex: 'refundFen', align: 'right', render: (_, row) => formatYuan(row.refundFen) },
    { title: '状态', dataIndex: 'status', render: (_, row) => <AfterSaleStatusTag status={row.status} /> },
    {
      title: '退货物流',
      dataIndex: 'returnShipment',
      render: (_, row) => <ShipmentCell shipment={row.returnShipment} />,
    },
    { title: '申请时间', dataIndex: 'createdAt', render: (_, row) => formatTime(row.createdAt) },
    { title: '处理时间', dataIndex: 'handledAt', render: (_, row) => formatOptionalTime(row.handledAt) },
    {
      title: '操作',
      valueType: 'option',
      render: (_, row) => [
        <Button key="handle" type="link" size="small" onClick={() => setOpen(row)} aria-label={`处理售后 ${row.id}`}>
          {row.status === 'applied' || row.status === 'approved' || row.status === 'return_received' ? '处理' : '查看'}
        </Button>,
      ],
    },
  ];

  return (
    <PageContainer title="售后处理">
      <ProTable<AfterSale, { current?: number; pageSize?: number; tab: StatusTab; type: AfterSaleType | null }>
        rowKey="id"
        actionRef={tableRef}
        columns={columns}
        search={false}
        params={{ tab, type }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: tab,
            items: TABS.map(({ key, label }) => ({ key, label })),
            onChange: (key) => setTab((key as StatusTab) ?? 'applied'),
          },
        }}
        request={({ current = 1, pageSize = 20, tab: shown, type: shownType }) =>
          tableRows(fetchAfterSales({ status: shown === 'all' ? undefined : shown, type: shownType ?? undefined, page: current, pageSize }))
        }
        headerTitle={
          type && (
            <Tag closable onClose={() => setSearchParams({ status: tab })} data-testid="after-sale-type-filter">
              只看{AFTER_SALE_TYPE_LABELS[type]}
            </Tag>
          )
        }
        locale={{ emptyText: tab === 'applied' ? '没有待处理的售后申请' : '暂无售后记录' }}
      />
      <Drawer title="售后详情" width={640} open={open !== null} onClose={() => setOpen(null)} destroyOnHidden>
        {open && (
          <AfterSaleCase
            afterSale={open}
            showOrderLink
            onChanged={(changed) => {
              setOpen(changed);
              tableRef.current?.reload();
            }}
            // The queue has no single-case read: close the stale view and show the list as it is now.
            onStale={() => {
              setOpen(null);
              tableRef.current?.reload();
            }}
          />
        )}
      </Drawer>
    </PageContainer>
  );
}
