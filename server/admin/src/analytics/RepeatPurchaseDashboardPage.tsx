import { QuestionCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import type { RepeatPurchaseMetrics, RepurchasedProduct } from '@shared/api/analytics';
import { formatYuan } from '@shared/money';
import { Button, Card, Col, Empty, Result, Row, Space, Spin, Statistic, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorText } from '@/common/feedback';
import { PageSpinner } from '@/common/PageSpinner';
import { fetchRepeatPurchaseMetrics } from './analytics-api';
import { Chart } from './Chart';
import { cohortCurvesOption, hasCohortCurves, topProductsOption } from './chart-options';
import { CohortTable } from './CohortTable';
import { rangeFromQuery } from './date-range';
import { DayRangePicker } from './DayRangePicker';
import { formatDays, formatRate, hasNoPaidOrders, REPEAT_PURCHASE_DEFINITION } from './metrics-format';

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; metrics: RepeatPurchaseMetrics; refreshing: boolean };

export default function RepeatPurchaseDashboardPage() {
  // The range lives in the address, so a shared link or a reload shows the same figures.
  const [searchParams, setSearchParams] = useSearchParams();
  const range = useMemo(() => rangeFromQuery(searchParams), [searchParams]);
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  // Only the answer to the latest request may land: a slow answer for an earlier range must not overwrite it.
  const latestRequest = useRef(0);

  const load = useCallback(() => {
    const requestId = ++latestRequest.current;
    setState((previous) => (previous.status === 'loaded' ? { ...previous, refreshing: true } : { status: 'loading' }));
    fetchRepeatPurchaseMetrics({ from: range.from, to: range.to })
      .then((metrics) => {
        if (requestId === latestRequest.current) setState({ status: 'loaded', metrics, refreshing: false });
      })
      .catch((error: unknown) => {
        if (requestId === latestRequest.current) setState({ status: 'failed', message: errorText(error) });
      });
  }, [range.from, range.to]);
  useEffect(load, [load]);

  return (
    <PageContainer
      title="复购分析"
      subTitle="按已支付订单统计（全额退款的订单不计），日期为北京时间"
      content={
        <Typography.Text type="secondary" data-testid="repeat-purchase-definition">
          {REPEAT_PURCHASE_DEFINITION}
        </Typography.Text>
      }
      extra={
        <Space wrap>
          <DayRangePicker range={range} onPick={(picked) => setSearchParams({ from: picked.from, to: picked.to })} />
          <Button icon={<ReloadOutlined />} onClick={load} aria-label="刷新数据" />
        </Space>
      }
    >
      <DashboardBody state={state} onRetry={load} />
    </PageContainer>
  );
}

function DashboardBody({ state, onRetry }: { state: Loaded; onRetry: () => void }) {
  if (state.status === 'loading') return <PageSpinner tip="正在统计复购数据…" />;
  if (state.status === 'failed') {
    return (
      <Result
        status="error"
        title="复购数据加载失败"
        subTitle={state.message}
        extra={
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        }
      />
    );
  }
  const { metrics } = state;
  return (
    <Spin spinning={state.refreshing} tip="正在更新…">
      {hasNoPaidOrders(metrics) ? (
        <Card>
          <Empty description="所选时间内还没有已支付订单" data-testid="analytics-empty" />
        </Card>
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="repeat-purchase-dashboard">
          <KpiCards metrics={metrics} />
          <Card title="首购月份留存（同期群）" size="small" extra={<Typography.Text type="secondary">首购后第 N 个自然月再次购买的会员占比</Typography.Text>}>
            <CohortTable cohorts={metrics.cohorts} />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title="同期群复购曲线" size="small">
                {hasCohortCurves(metrics.cohorts) ? (
                  <Chart option={cohortCurvesOption(metrics.cohorts)} label="各首购月份会员在之后每月的复购占比" />
                ) : (
                  <Empty description="首购会员之后的月份还没有到来，暂无曲线" />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <TopProductsCard products={metrics.topRepurchasedProducts} />
            </Col>
          </Row>
        </Space>
      )}
    </Spin>
  );
}

/** A figure's name with a ? that tells how it is counted. */
function DefinedTitle({ title, definition }: { title: string; definition: string }) {
  return (
    <Space size={4}>
      {title}
      <Tooltip title={definition}>
        <QuestionCircleOutlined aria-label={`${title}的口径`} />
      </Tooltip>
    </Space>
  );
}

function KpiCards({ metrics }: { metrics: RepeatPurchaseMetrics }) {
  const { repeatRate, firstToSecond, returningGmv } = metrics;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8}>
        <Card size="small" data-testid="kpi-repeat-rate">
          <Statistic title={<DefinedTitle title="复购率" definition="期间内在 2 个及以上不同日期付款的会员 / 期间内付款的会员" />} value={formatRate(repeatRate.rate)} />
          <Typography.Text type="secondary">
            复购会员 {repeatRate.repeatMembers} 人 / 购买会员 {repeatRate.purchasingMembers} 人
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small" data-testid="kpi-first-to-second">
          <Statistic
            title={<DefinedTitle title="首购到二购中位天数" definition="二购 = 首次付款之后另一天的第一笔付款订单；同一天的订单不算二购" />}
            value={formatDays(firstToSecond.medianDays)}
          />
          <Typography.Text type="secondary">
            {firstToSecond.members > 0 ? `基于期间内完成二购的 ${firstToSecond.members} 位会员` : '期间内还没有会员完成二购'}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small" data-testid="kpi-returning-gmv">
          <Statistic title={<DefinedTitle title="老客 GMV 占比" definition="首次付款当天之后的订单（复购订单）的实付占比" />} value={formatRate(returningGmv.share)} />
          <Typography.Text type="secondary">
            老客 {formatYuan(returningGmv.returningNetPaidFen)} / 全部 {formatYuan(returningGmv.totalNetPaidFen)}（老客订单{' '}
            {returningGmv.returningOrders} / {returningGmv.totalOrders} 单）
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

const PRODUCT_COLUMNS: TableColumnsType<RepurchasedProduct> = [
  { title: '排名', key: 'rank', width: 60, render: (_, __, index) => index + 1 },
  { title: '商品', dataIndex: 'title', ellipsis: true },
  { title: '复购人数', dataIndex: 'repurchasingMembers', align: 'right', width: 90 },
  { title: '相关订单', dataIndex: 'orders', align: 'right', width: 90 },
];

function TopProductsCard({ products }: { products: RepurchasedProduct[] }) {
  return (
    <Card title="复购最多的商品" size="small" extra={<Typography.Text type="secondary">同一会员在 2 个及以上不同日期购买</Typography.Text>}>
      {products.length === 0 ? (
        <Empty description="所选时间内还没有被重复购买的商品" />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Chart option={topProductsOption(products)} height={Math.max(160, products.length * 32)} label="复购人数最多的商品" />
          <Table<RepurchasedProduct> rowKey="productId" size="small" pagination={false} columns={PRODUCT_COLUMNS} dataSource={products} />
        </Space>
      )}
    </Card>
  );
}
