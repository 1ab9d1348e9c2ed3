import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { COMMISSION_STATUS_LABELS, COMMISSION_STATUSES, type AdminCommissionRow, type CommissionStatus } from '@shared/api/referral';
import { memberDisplayName } from '@shared/api/members';
import { formatYuan } from '@shared/money';
import { Button, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { tableRows } from '@/common/table-rows';
import { useFileExport } from '@/common/useFileExport';
import { commissionExportFilename, commissionFilters, ORDER_NO_PATTERN, type CommissionFilterValues } from './commission-filters';
import { exportCommissions, fetchCommissions } from './referral-api';
import { rateText } from './referral-settings-form';
import { TimesCell } from './TimesCell';

const STATUS_COLORS: Record<CommissionStatus, string> = { frozen: 'orange', settled: 'green', reversed: 'default' };

/** 佣金明细: every commission record across promoters, filtered by promoter, status, China days and order no; CSV of the same. */
export default function CommissionsPage() {
  const [searchParams] = useSearchParams();
  // The filters of the list on screen: the export downloads exactly those records.
  const shownFilters = useRef<CommissionFilterValues>({});
  const { exporting, exportFile } = useFileExport(
    () => exportCommissions(commissionFilters(shownFilters.current)),
    () => commissionExportFilename(dayjs().format('YYYYMMDD')),
    '佣金明细已导出',
  );

  const columns: ProColumns<AdminCommissionRow>[] = [
    {
      title: '推广员 ID',
      dataIndex: 'promoterId',
      hideInTable: true,
      initialValue: searchParams.get('promoterId') ?? undefined,
      fieldProps: { placeholder: '会员 ID' },
      formItemProps: { rules: [{ pattern: /^\s*[1-9]\d{0,9}\s*$/, message: '请输入会员 ID（数字）' }] },
    },
    {
      title: '状态',
      dataIndex: 'status',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(COMMISSION_STATUSES.map((status) => [status, { text: COMMISSION_STATUS_LABELS[status] }])),
    },
    { title: '产生日期', dataIndex: 'createdRange', valueType: 'dateRange', hideInTable: true },
    {
      title: '订单号',
      dataIndex: 'orderNo',
      fieldProps: { placeholder: '完整订单号' },
      formItemProps: { rules: [{ pattern: ORDER_NO_PATTERN, message: '请输入完整的订单号（字母或数字）' }] },
      render: (_, record) => <Link to={`/orders/${record.orderNo}`}>{record.orderNo}</Link>,
    },
    {
      title: '推广员',
      dataIndex: 'promoterNickname',
      search: false,
      render: (_, record) => (
        <Space direction="vertical" size={0}>
          <Link to={`/members/${record.promoterMemberId}`}>{memberDisplayName(record.promoterNickname, record.promoterMemberId)}</Link>
          <Typography.Text type="secondary">{record.level === 1 ? '一级' : '二级'} · ID {record.promoterMemberId}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '买家',
      dataIndex: 'buyerNickname',
      search: false,
      render: (_, record) => <Link to={`/members/${record.buyerMemberId}`}>{memberDisplayName(record.buyerNickname, record.buyerMemberId)}</Link>,
    },
    {
      title: '商品',
      dataIndex: 'productTitle',
      search: false,
      width: 200,
      render: (_, record) => (
        <Space direction="vertical" size={0}>
          <Typography.Text ellipsis={{ tooltip: record.productTitle }} style={{ maxWidth: 200 }}>
            {record.productTitle}
          </Typography.Text>
          <Typography.Text type="secondary">{record.quantity} 件</Typography.Text>
        </Space>
      ),
    },
    { title: '计佣金额', dataIndex: 'baseFen', search: false, align: 'right', tooltip: '这一行买家实际付的钱（会员价、优惠券、积分分摊后，不含运费）', render: (_, record) => formatYuan(record.baseFen) },
    { title: '比例', dataIndex: 'rateBp', search: false, align: 'right', render: (_, record) => rateText(record.rateBp) },
    {
      title: '佣金',
      dataIndex: 'amountFen',
      search: false,
      align: 'right',
      render: (_, record) => (
        <Space direction="vertical" size={0} align="end">
          <Typography.Text strong>{formatYuan(record.amountFen)}</Typography.Text>
          {record.reversedFen > 0 && (
            <Typography.Text type="secondary">
              原 {formatYuan(record.originalFen)}，扣回 {formatYuan(record.reversedFen)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'statusText',
      search: false,
      render: (_, record) => <Tag color={STATUS_COLORS[record.status]}>{COMMISSION_STATUS_LABELS[record.status]}</Tag>,
    },
    {
      title: '产生 / 结算时间',
      dataIndex: 'createdAt',
      search: false,
      render: (_, record) => <TimesCell started={record.createdAt} finished={record.settledAt} pendingText="未结算" />,
    },
  ];

  return (
    <PageContainer title="佣金明细" subTitle="每个订单行、每一级一条；待结算的在订单完成并过了结算等待期后结算">
      <ProTable<AdminCommissionRow, CommissionFilterValues & { current?: number; pageSize?: number }>
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        // ProTable skips the rules of its filter form unless told otherwise; the id and order no have some.
        form={{ ignoreRules: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        toolBarRender={() => [
          <Button key="export" icon={<DownloadOutlined />} loading={exporting} onClick={exportFile}>
            导出 CSV
          </Button>,
        ]}
        request={({ current = 1, pageSize = 20, ...filters }) => {
          shownFilters.current = filters;
          return tableRows(fetchCommissions({ ...commissionFilters(filters), page: current, pageSize }));
        }}
        locale={{ emptyText: '没有符合条件的佣金记录' }}
      />
    </PageContainer>
  );
}
