import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { LIVE_ATTRIBUTION_LABELS, LIVE_ATTRIBUTIONS, LIVE_PROVIDER_LABELS, LIVE_SESSION_STATUS_LABELS, type LiveReportPage as LiveReportRows, type LiveSessionReportRow } from '@shared/api/live';
import { Alert, Button, Card, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { chinaToday, last30Days, rangeFromQuery } from '@/analytics/date-range';
import { DayRangePicker } from '@/analytics/DayRangePicker';
import { RemoteContent } from '@/common/RemoteContent';
import { useFileExport } from '@/common/useFileExport';
import { useRemoteData } from '@/common/useRemoteData';
import { exportLiveReport, fetchLiveReport } from './live-api';
import { attributionLines, chinaMinuteOrDash, INFERRED_NOTE, LIVE_STATUS_COLORS, liveReportExportFilename } from './live-format';

const PAGE_SIZE = 20;

/** 直播数据: every session planned in a range of China days with its visits, reservations, reminders and orders per attribution. */
export default function LiveReportPage() {
  // Range and page live in the address, so a link or a reload shows the same figures.
  const [searchParams, setSearchParams] = useSearchParams();
  const range = useMemo(() => rangeFromQuery(searchParams, chinaToday(), last30Days), [searchParams]);
  const page = Number(searchParams.get('page')) > 0 ? Number(searchParams.get('page')) : 1;
  const fetch = useCallback(() => fetchLiveReport({ from: range.from, to: range.to, page, pageSize: PAGE_SIZE }), [range.from, range.to, page]);
  const { state, reload } = useRemoteData(fetch);
  const navigateTo = useNavigate();

  const navigate = (changes: { from?: string; to?: string; page?: number }) => {
    const next = { from: range.from, to: range.to, page: 1, ...changes };
    setSearchParams({ from: next.from, to: next.to, ...(next.page > 1 ? { page: String(next.page) } : {}) });
  };

  const { exporting, exportFile } = useFileExport(
    () => exportLiveReport({ from: range.from, to: range.to }),
    () => liveReportExportFilename(range.from, range.to),
    '直播数据已导出',
  );

  return (
    <PageContainer
      title="直播数据"
      subTitle="按计划开播日期（北京时间）统计每场直播"
      onBack={() => navigateTo('/live')}
      extra={
        <Space wrap>
          <DayRangePicker range={range} onPick={(picked) => navigate(picked)} />
          <Button icon={<ReloadOutlined />} onClick={reload} aria-label="刷新数据" />
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportFile} disabled={state.status !== 'ready' || state.data.total === 0}>
            导出 CSV
          </Button>
        </Space>
      }
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="推断说明" description={INFERRED_NOTE} data-testid="live-inferred-note" />
      <RemoteContent state={state} loadingTip="正在统计直播数据…" failedTitle="直播数据加载失败" onRetry={reload}>
        {(report) => <ReportTable report={report} onPage={(next) => navigate({ page: next })} onOpen={(id) => navigateTo(`/live/sessions/${id}/report`)} />}
      </RemoteContent>
    </PageContainer>
  );
}

function ReportTable({ report, onPage, onOpen }: { report: LiveReportRows; onPage: (page: number) => void; onOpen: (id: number) => void }) {
  if (report.total === 0) {
    return (
      <Card>
        <Empty description="所选时间内没有直播场次" data-testid="live-report-empty" />
      </Card>
    );
  }
  const columns: TableColumnsType<LiveSessionReportRow> = [
    {
      title: '直播',
      key: 'title',
      fixed: 'left',
      width: 220,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Link onClick={() => onOpen(row.sessionId)} aria-label={`数据 ${row.title}`}>
            {row.title}
          </Typography.Link>
          <Typography.Text type="secondary">
            {LIVE_PROVIDER_LABELS[row.provider]} · <Tag color={LIVE_STATUS_COLORS[row.status]} style={{ marginInlineEnd: 0 }}>{LIVE_SESSION_STATUS_LABELS[row.status]}</Tag>
          </Typography.Text>
        </Space>
      ),
    },
    { title: '计划开播', key: 'plannedStartAt', width: 140, render: (_, row) => chinaMinuteOrDash(row.plannedStartAt) },
    { title: '点击 / 访客', key: 'clicks', width: 100, align: 'right', render: (_, row) => `${row.clicks} / ${row.clickVisitors}` },
    {
      title: '直播间进店',
      key: 'inbound',
      width: 110,
      align: 'right',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <span>{row.inboundLaunches}</span>
          {row.inboundWithSharer > 0 && <Typography.Text type="secondary">带分享人 {row.inboundWithSharer}</Typography.Text>}
        </Space>
      ),
    },
    { title: '预约', dataIndex: 'reservations', width: 70, align: 'right' },
    { title: '提醒已发', dataIndex: 'remindersSent', width: 90, align: 'right' },
    ...LIVE_ATTRIBUTIONS.map((kind) => ({
      title: LIVE_ATTRIBUTION_LABELS[kind],
      key: kind,
      width: 140,
      align: 'right' as const,
      render: (_: unknown, row: LiveSessionReportRow) => (
        <Space direction="vertical" size={0}>
          {attributionLines(row, kind).map((line, index) => (index === 0 ? <span key={line}>{line}</span> : <Typography.Text key={line} type="secondary">{line}</Typography.Text>))}
        </Space>
      ),
    })),
    { title: '新会员', dataIndex: 'newMembers', width: 80, align: 'right' },
    { title: '回头客', dataIndex: 'returningBuyers', width: 80, align: 'right' },
  ];
  return (
    <Card size="small" extra={<Typography.Text type="secondary">共 {report.total} 场</Typography.Text>} title="各场直播">
      <Table<LiveSessionReportRow>
        rowKey="sessionId"
        size="small"
        columns={columns}
        dataSource={report.items}
        scroll={{ x: 1320 }}
        pagination={{ current: report.page, pageSize: report.pageSize, total: report.total, showSizeChanger: false, onChange: onPage, hideOnSinglePage: true }}
        data-testid="live-report-table"
      />
    </Card>
  );
}
