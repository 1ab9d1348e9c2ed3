import type { CohortCell, CohortRow } from '@shared/api/analytics';
import { Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { FOLLOW_MONTH_LABELS } from './chart-options';
import { cohortCellStyle, formatRate } from './metrics-format';

/**
 * Rows are first-purchase months, columns the months after; a cell is the share of that month's new buyers who
 * paid again in that later month, shaded like a heat map. Months still to come stay blank.
 */
export function CohortTable({ cohorts }: { cohorts: CohortRow[] }) {
  const columns: TableColumnsType<CohortRow> = [
    { title: '首购月份', dataIndex: 'month', width: 110, fixed: 'left' },
    { title: '首购会员数', dataIndex: 'members', width: 110, align: 'right' },
    ...FOLLOW_MONTH_LABELS.map((label, index) => ({
      title: label,
      key: label,
      align: 'center' as const,
      onCell: (row: CohortRow) => ({ style: cohortCellStyle(cellAt(row, index)?.rate ?? null) }),
      render: (_: unknown, row: CohortRow) => <CohortCellText cohort={row} cell={cellAt(row, index)} />,
    })),
  ];
  return (
    <Table<CohortRow>
      rowKey="month"
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 760 }}
      columns={columns}
      dataSource={cohorts}
      data-testid="cohort-table"
      locale={{ emptyText: '所选时间内没有首购会员' }}
    />
  );
}

function cellAt(row: CohortRow, index: number): CohortCell | undefined {
  return row.followUps.find((cell) => cell.offset === index + 1);
}

function CohortCellText({ cohort, cell }: { cohort: CohortRow; cell: CohortCell | undefined }) {
  if (!cell || cell.returned === null) return null;
  if (cell.rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={`${cell.month}：${cohort.members} 人中 ${cell.returned} 人再次购买`}>
      <span>{formatRate(cell.rate)}</span>
    </Tooltip>
  );
}
