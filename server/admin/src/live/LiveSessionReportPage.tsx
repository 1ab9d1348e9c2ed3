import { ReloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { LIVE_PROVIDER_LABELS, LIVE_SESSION_STATUS_LABELS, type LiveSessionReport, type LiveTopProduct } from '@shared/api/live';
import { formatYuan } from '@shared/money';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Chart } from '@/analytics/Chart';
import { DetailLoadFailed } from '@/common/DetailLoadFailed';
import { PageSpinner } from '@/common/PageSpinner';
import { useRemoteData } from '@/common/useRemoteData';
import { fetchLiveSessionReport } from './live-api';
import { BEFORE_START_LABEL, chinaMinuteOrDash, INFERRED_NOTE, isQuietTimeline, LIVE_STATUS_COLORS, sessionKpis, timelineOption, type LiveKpi } from './live-format';

/** One session's figures: KPI cards, the timeline chart, the best-selling featured products, and the 推断 note. */
export default function LiveSessionReportPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const fetch = useCallback(() => fetchLiveSessionReport(id), [id]);
  const { state, reload } = useRemoteData(fetch);

  if (state.status === 'loading') return <PageSpinner tip="正在统计直播数据…" />;
  if (state.status === 'failed') {
    return (
      <DetailLoadFailed
        failure={state}
        subject="直播数据"
        notFoundText={`没有找到直播场次 ${id}`}
        backTo="/live"
        backText="返回直播管理"
        onRetry={reload}
      />
    );
  }
  const report = state.data;
  return (
    <PageContainer
      title={`直播数据：${report.title}`}
      onBack={() => navigate('/live')}
      tags={<Tag color={LIVE_STATUS_COLORS[report.status]}>{LIVE_SESSION_STATUS_LABELS[report.status]}</Tag>}
      extra={<Button icon={<ReloadOutlined />} onClick={reload} aria-label="刷新数据" />}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="live-session-report">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label="直播平台">{LIVE_PROVIDER_LABELS[report.provider]}</Descriptions.Item>
          <Descriptions.Item label="计划开播">{chinaMinuteOrDash(report.plannedStartAt)}</Descriptions.Item>
          <Descriptions.Item label="实际开播 / 结束">
            {chinaMinuteOrDash(report.startedAt)} / {chinaMinuteOrDash(report.endedAt)}
          </Descriptions.Item>
          <Descriptions.Item label="归因窗口">接触直播后 {report.attributionWindowHours} 小时内下单</Descriptions.Item>
        </Descriptions>
        <Alert type="warning" showIcon message="推断说明" description={INFERRED_NOTE} data-testid="live-inferred-note" />
        <Kpis report={report} />
        <Card title="直播时间线" size="small" extra={<TimelineNote report={report} />}>
          {isQuietTimeline(report.timeline) && (
            <Typography.Paragraph type="secondary" data-testid="live-timeline-quiet">
              这场直播还没有点击、进店或订单；会员点击直播入口或下单后，这里会显示变化。
            </Typography.Paragraph>
          )}
          <Chart option={timelineOption(report.timeline)} label="直播时间线：点击、直播间进店、订单与 GMV" />
        </Card>
        <TopProducts products={report.topProducts} />
      </Space>
    </PageContainer>
  );
}

/** The bucket size, and when there is a 「开播前」 bar, what it sums. */
function TimelineNote({ report }: { report: LiveSessionReport }) {
  return (
    <Typography.Text type="secondary" data-testid="live-timeline-note">
      每 {report.bucketMinutes} 分钟一格，北京时间
      {report.timeline[0]?.beforeStart && `；「${BEFORE_START_LABEL}」为更早的点击、进店与订单合计`}
    </Typography.Text>
  );
}

function Kpis({ report }: { report: LiveSessionReport }) {
  const rows = sessionKpis(report);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="live-kpis">
      <Row gutter={[12, 12]} wrap>
        {rows.people.map((kpi) => (
          <Col key={kpi.key} xs={24} sm={12} lg={8} xl={{ flex: '20%' }}>
            <KpiCard kpi={kpi} />
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} wrap>
        {rows.orders.map((kpi) => (
          <Col key={kpi.key} xs={24} sm={12} xl={6}>
            <KpiCard kpi={kpi} />
          </Col>
        ))}
      </Row>
    </Space>
  );
}

function KpiCard({ kpi }: { kpi: LiveKpi }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`live-kpi-${kpi.key}`}>
      <Statistic
        title={
          <Space size={4}>
            {kpi.title}
            {kpi.inferred && <Tag color="orange">推断</Tag>}
          </Space>
        }
        value={kpi.value}
      />
      <Typography.Text type="secondary">{kpi.hint}</Typography.Text>
    </Card>
  );
}

function TopProducts({ products }: { products: LiveTopProduct[] }) {
  return (
    <Card title="推荐商品销量排行" size="small">
      <Table<LiveTopProduct>
        rowKey="productId"
        size="small"
        pagination={false}
        dataSource={products}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本场还没有推荐商品售出" /> }}
        columns={[
          { title: '排名', key: 'rank', width: 64, render: (_, __, index) => index + 1 },
          { title: '商品', dataIndex: 'title' },
          { title: '件数', dataIndex: 'units', width: 100, align: 'right' },
          { title: '商品金额', dataIndex: 'gmvFen', width: 140, align: 'right', render: (fen: number) => formatYuan(fen) },
        ]}
        data-testid="live-top-products"
      />
    </Card>
  );
}
