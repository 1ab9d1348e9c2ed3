import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import type { DueForRepurchaseRow } from '@shared/api/analytics';
import { FULL_PHONE_ROLES } from '@shared/roles';
import { formatYuan } from '@shared/money';
import { Button, Select, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { notifyError } from '@/common/feedback';
import { tableRows } from '@/common/table-rows';
import { useFileExport } from '@/common/useFileExport';
import { formatTime } from '@/common/time';
import { YuanInput, yuanRules } from '@/common/YuanInput';
import { exportDueForRepurchase, fetchDueForRepurchase } from './analytics-api';
import { dueExportFilename, dueListFilters, spendRangeProblem, type DueFilterValues } from './due-filters';
import { levelPlaceholder, loadLevelChoices, type LevelChoices } from './level-options';
import { EXPECTED_BASIS_LABELS } from './member-stats-format';

export default function DueForRepurchasePage() {
  const staff = useCurrentStaff();
  const [levels, setLevels] = useState<LevelChoices>({ status: 'loading' });
  // The filters of the list on screen: the export downloads exactly those members.
  const shownFilters = useRef<DueFilterValues>({});

  useEffect(() => {
    loadLevelChoices().then((choices) => {
      setLevels(choices);
      if (choices.status === 'failed') notifyError(`会员等级加载失败：${choices.message}`);
    });
  }, []);

  const levelName = (levelId: number | null) => {
    if (levelId === null) return '—';
    const option = levels.status === 'loaded' ? levels.options.find((level) => level.value === levelId) : undefined;
    return option?.label ?? `等级 ${levelId}`;
  };

  const { exporting, exportFile: exportCsv } = useFileExport(
    () => exportDueForRepurchase(dueListFilters(shownFilters.current)),
    () => dueExportFilename(dayjs().format('YYYYMMDD')),
    '待复购会员已导出',
  );

  const columns: ProColumns<DueForRepurchaseRow>[] = [
    {
      title: '会员',
      dataIndex: 'nickname',
      search: false,
      render: (_, row) => (
        <Link to={`/members/${row.memberId}`} aria-label={`会员详情 ${row.memberId}`}>
          {row.nickname ?? '未设置昵称'}
        </Link>
      ),
    },
    { title: '会员 ID', dataIndex: 'memberId', search: false },
    // The server decides what the role sees: the full number or 138****0000.
    { title: '手机号', dataIndex: 'phone', search: false, render: (_, row) => row.phone ?? '未绑定' },
    {
      title: '会员等级',
      dataIndex: 'levelId',
      render: (_, row) => levelName(row.levelId),
      renderFormItem: () => (
        <Select
          aria-label="会员等级"
          allowClear
          disabled={levels.status !== 'loaded' || levels.options.length === 0}
          placeholder={levelPlaceholder(levels)}
          options={levels.status === 'loaded' ? levels.options : []}
        />
      ),
    },
    {
      title: '累计实付不低于',
      dataIndex: 'minSpent',
      hideInTable: true,
      renderFormItem: () => <YuanInput aria-label="累计实付不低于" />,
      formItemProps: { rules: yuanRules({ required: false }) },
    },
    {
      title: '累计实付不高于',
      dataIndex: 'maxSpent',
      hideInTable: true,
      renderFormItem: () => <YuanInput aria-label="累计实付不高于" />,
      formItemProps: {
        dependencies: ['minSpent'],
        rules: [
          ...yuanRules({ required: false }),
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              const problem = spendRangeProblem(getFieldValue('minSpent'), value);
              if (problem) throw new Error(problem);
            },
          }),
        ],
      },
    },
    { title: '付款订单数', dataIndex: 'paidOrderCount', search: false, align: 'right' },
    { title: '累计实付', dataIndex: 'totalNetPaidFen', search: false, align: 'right', render: (_, row) => formatYuan(row.totalNetPaidFen) },
    { title: '最近付款', dataIndex: 'lastPaidAt', search: false, render: (_, row) => formatTime(row.lastPaidAt) },
    {
      title: '预计复购日期',
      dataIndex: 'expectedNextPurchaseDate',
      search: false,
      render: (_, row) => (
        <Tooltip title={EXPECTED_BASIS_LABELS[row.expectedNextBasis]}>
          <span>{row.expectedNextPurchaseDate}</span>
        </Tooltip>
      ),
    },
    {
      title: '逾期',
      dataIndex: 'daysOverdue',
      search: false,
      align: 'right',
      render: (_, row) => <Tag color={row.daysOverdue > 30 ? 'red' : 'orange'}>{row.daysOverdue} 天</Tag>,
    },
    {
      title: '操作',
      valueType: 'option',
      render: (_, row) => [
        <Link key="detail" to={`/members/${row.memberId}`} aria-label={`查看会员 ${row.memberId}`}>
          详情
        </Link>,
      ],
    },
  ];

  return (
    <PageContainer
      title="待复购会员"
      subTitle={
        <Typography.Text type="secondary">
          已过预计复购日期仍未再次购买的会员，逾期最久的在前
          {FULL_PHONE_ROLES.includes(staff.role) ? '' : '；手机号已按角色权限脱敏显示'}
        </Typography.Text>
      }
    >
      <ProTable<DueForRepurchaseRow, DueFilterValues & { current?: number; pageSize?: number }>
        rowKey="memberId"
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        // ProTable skips the rules of its filter form unless told otherwise; the spend fields have some.
        form={{ ignoreRules: false }}
        toolBarRender={() => [
          <Button key="export" icon={<DownloadOutlined />} loading={exporting} onClick={exportCsv}>
            导出 CSV
          </Button>,
        ]}
        request={({ current = 1, pageSize = 20, ...filters }) => {
          shownFilters.current = filters;
          return tableRows(fetchDueForRepurchase({ ...dueListFilters(filters), page: current, pageSize }));
        }}
        locale={{ emptyText: '没有已过预计复购日期的会员' }}
      />
    </PageContainer>
  );
}
