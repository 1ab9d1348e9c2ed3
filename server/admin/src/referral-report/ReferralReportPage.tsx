import { DownloadOutlined, QuestionCircleOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import type { ReferralReport, ReferralSharerFigures } from '@shared/api/referral-report';
import { memberDisplayName } from '@shared/api/members';
import { formatYuan } from '@shared/money';
import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Chart } from '@/analytics/Chart';
import { chinaToday, last30Days, rangeFromQuery } from '@/analytics/date-range';
import { DayRangePicker } from '@/analytics/DayRangePicker';
import { RemoteContent } from '@/common/RemoteContent';
import { useFileExport } from '@/common/useFileExport';
import { useRemoteData } from '@/common/useRemoteData';
import { exportReferralReport, fetchReferralReport } from './referral-report-api';
import { dailyFunnelOption, funnelSteps, isEmptyReport, reportExportFilename, STEP_DEFINITIONS } from './report-format';

const PAGE_SIZE = 20;

/** 推广报表: shares → visits → new members → first orders → GMV over a range of China days, per day and per sharer. */
export default function ReferralReportPage() {
  // Range, sharer and page live in the address, so a link or a reload shows the same figures.
  const [searchParams, setSearchParams] = useSearchParams();
  const range = useMemo(() => rangeFromQuery(searchParams, chinaToday(), last30Days), [searchParams]);
  const sharer = Number(searchParams.get('sharer')) > 0 ? Number(searchParams.get('sharer')) : undefined;
  const page = Number(searchParams.get('page')) > 0 ? Number(searchParams.get('page')) : 1;
  const fetch = useCallback(
    () => fetchReferralReport({ from: range.from, to: range.to, sharer, page, pageSize: PAGE_SIZE }),
    [range.from, range.to, sharer, page],
  );
  const { state, reload } = useRemoteData(fetch);

  const navigate = (changes: { from?: string; to?: string; sharer?: number | null; page?: number }) => {
    const next = { from: range.from, to: range.to, sharer: sharer ?? null, page: 1, ...changes };
    setSearchParams({ from: next.from, to: next.to, ...(next.sharer ? { sharer: String(next.sharer) } : {}), ...(next.page > 1 ? { page: String(next.page) } : {}) });
  };

  const { exporting, exportFile } = useFileExport(
    () => exportReferralReport({ from: range.from, to: range.to, sharer }),
    () => reportExportFilename(range.from, range.to),
    '推广报表已导出',
  );

  return (
    <PageContainer
      title="推广报表"
      subTitle="分享 → 访客 → 新会员 → 首单 → GMV，日期为北京时间"
      extra={
        <Space wrap>
          <DayRangePicker range={range} onPick={(picked) => navigate(picked)} />
          <Button icon={<ReloadOutlined />} onClick={reload} aria-label="刷新数据" />
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportFile} disabled={state.status !== 'ready' || state.data.sharers.total === 0}>
            导出 CSV
          </Button>
        </Space>
      }
    >
      {sharer !== undefined && (
        <Tag closable onClose={() => navigate({ sharer: null })} color="blue" style={{ marginBottom: 16 }} data-testid="sharer-filter">
          只看分享者 ID {sharer}
        </Tag>
      )}
      <RemoteContent state={state} loadingTip="正在统计推广数据…" failedTitle="推广报表加载失败" onRetry={reload}>
        {(report) => <ReportBody report={report} onPage={(next) => navigate({ page: next })} onSharer={(id) => navigate({ sharer: id })} />}
      </RemoteContent>
    </PageContainer>
  );
}

function ReportBody({ report, onPage, onSharer }: { report: ReferralReport; onPage: (page: number) => void; onSharer: (id: number) => void }) {
  if (isEmptyReport(report.totals)) {
    return (
      <Card>
        <Empty description="所选时间内还没有分享、访客或推广订单" data-testid="referral-report-empty" />
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          会员在小程序里转发商品、分享到朋友圈或保存海报后，这里会显示带来的访客、新会员和订单。
        </Typography.Paragraph>
      </Card>
    );
  }
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="referral-report">
      <Funnel report={report} />
      <Card title="每日趋势" size="small">
        <Chart option={dailyFunnelOption(report.daily)} label="每日分享、访客、新会员、首单与 GMV" />
      </Card>
      <SharerTable report={report} onPage={onPage} onSharer={onSharer} />
      <Definitions />
    </Space>
  );
}

function Funnel({ report }: { report: ReferralReport }) {
  const steps = funnelSteps(report.totals);
  return (
    <Row gutter={[12, 12]} wrap data-testid="referral-funnel">
      {steps.map((step, index) => (
        <Col key={step.key} xs={24} sm={12} lg={8} xl={{ flex: '20%' }}>
          <Card size="small" style={{ height: '100%' }} data-testid={`funnel-${step.key}`}>
            <Statistic
              title={
                <Space size={4}>
                  {index > 0 && <RightOutlined style={{ fontSize: 10, color: '#bfbfbf' }} />}
                  {step.title}
                  <Tooltip title={step.definition}>
                    <QuestionCircleOutlined aria-label={`${step.title}的口径`} />
                  </Tooltip>
                </Space>
              }
              value={step.value}
            />
            <Typography.Text type="secondary">{step.conversion ?? `${report.from} 至 ${report.to}`}</Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function SharerTable({ report, onPage, onSharer }: { report: ReferralReport; onPage: (page: number) => void; onSharer: (id: number) => void }) {
  const { sharers } = report;
  const columns: TableColumnsType<ReferralSharerFigures> = [
    { title: '排名', key: 'rank', width: 64, render: (_, __, index) => (sharers.page - 1) * sharers.pageSize + index + 1 },
    {
      title: '分享者',
      key: 'sharer',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{memberDisplayName(row.nickname, row.sharerMemberId)}</Typography.Text>
          <Typography.Text type="secondary">
            ID {row.sharerMemberId} · {row.phone ?? '未绑定手机'}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '分享次数', dataIndex: 'shares', align: 'right' },
    { title: '访客数', dataIndex: 'visits', align: 'right' },
    { title: '新会员', dataIndex: 'newMembers', align: 'right' },
    { title: '首单', dataIndex: 'firstOrders', align: 'right' },
    { title: '支付订单', dataIndex: 'orders', align: 'right' },
    { title: 'GMV', dataIndex: 'gmvFen', align: 'right', render: (fen: number) => formatYuan(fen) },
    {
      title: '操作',
      key: 'actions',
      width: 96,
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => onSharer(row.sharerMemberId)} aria-label={`只看分享者 ${row.sharerMemberId}`}>
          只看 TA
        </Button>
      ),
    },
  ];
  return (
    <Card title="分享者排行（按 GMV）" size="small" extra={<Typography.Text type="secondary">共 {sharers.total} 位分享者</Typography.Text>}>
      <Table<ReferralSharerFigures>
        rowKey="sharerMemberId"
        size="small"
        columns={columns}
        dataSource={sharers.items}
        scroll={{ x: 800 }}
        locale={{ emptyText: '所选时间内没有分享者的数据' }}
        pagination={{ current: sharers.page, pageSize: sharers.pageSize, total: sharers.total, showSizeChanger: false, onChange: onPage, hideOnSinglePage: true }}
        data-testid="referral-sharers"
      />
    </Card>
  );
}

function Definitions() {
  return (
    <Card title="统计口径" size="small">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        <ul style={{ paddingLeft: 20, marginBottom: 0 }}>
          <li>分享次数：{STEP_DEFINITIONS.shares}</li>
          <li>访客数：{STEP_DEFINITIONS.visits}</li>
          <li>新会员：{STEP_DEFINITIONS.newMembers}</li>
          <li>首单：{STEP_DEFINITIONS.firstOrders}</li>
          <li>GMV：{STEP_DEFINITIONS.gmvFen}</li>
        </ul>
      </Typography.Paragraph>
    </Card>
  );
}
