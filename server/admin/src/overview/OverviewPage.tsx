import { ArrowDownOutlined, ArrowUpOutlined, InfoCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import {
  OVERVIEW_PERIOD_LABELS,
  OVERVIEW_PERIODS,
  OVERVIEW_PREVIOUS_LABELS,
  OVERVIEW_TREND_DAYS,
  type OverviewFigures,
  type OverviewPeriod,
  type StoreOverview,
} from '@shared/api/overview';
import { DEMO_DATA_ROLES } from '@shared/roles';
import { Button, Card, Col, Empty, Row, Segmented, Space, Statistic, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Chart } from '@/analytics/Chart';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { RemoteContent } from '@/common/RemoteContent';
import { formatTime } from '@/common/time';
import { useRemoteData } from '@/common/useRemoteData';
import { DemoHistoryCard } from './DemoHistoryCard';
import { fetchOverview } from './overview-api';
import { overviewTrendOption } from './overview-chart';
import { changeAgainst, FIGURES, spanText, type FigureSpec } from './overview-format';
import { OverviewTodoStrip } from './OverviewTodoStrip';

const isPeriod = (value: string | null): value is OverviewPeriod => (OVERVIEW_PERIODS as readonly (string | null)[]).includes(value);

/** 经营概览: where the owner and operators land: the period's figures beside the one before, the to-dos, 30 days of trend. */
export default function OverviewPage() {
  const staff = useCurrentStaff();
  // The period lives in the address, so a reload or a shared link shows the same figures.
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('period');
  const period: OverviewPeriod = isPeriod(requested) ? requested : 'today';
  const fetchFigures = useCallback(() => fetchOverview(period), [period]);
  const { state, reload, refresh } = useRemoteData<StoreOverview>(fetchFigures);
  // Remounting the to-dos reloads them with the figures.
  const [todosKey, setTodosKey] = useState(0);
  const refreshAll = () => {
    refresh();
    setTodosKey((key) => key + 1);
  };

  return (
    <PageContainer
      title="经营概览"
      subTitle="日期按北京时间计"
      extra={
        <Space wrap>
          <Segmented<OverviewPeriod>
            aria-label="统计期间"
            value={period}
            options={OVERVIEW_PERIODS.map((value) => ({ value, label: OVERVIEW_PERIOD_LABELS[value] }))}
            onChange={(value) => setSearchParams({ period: value })}
          />
          <Button icon={<ReloadOutlined />} onClick={refreshAll} aria-label="刷新数据" />
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {DEMO_DATA_ROLES.includes(staff.role) && <DemoHistoryCard onChanged={refreshAll} />}
        <OverviewTodoStrip key={todosKey} />
        <RemoteContent state={state} loadingTip="正在统计经营数据…" failedTitle="经营数据加载失败" onRetry={reload}>
          {(overview) => <OverviewFigures overview={overview} />}
        </RemoteContent>
      </Space>
    </PageContainer>
  );
}

function OverviewFigures({ overview }: { overview: StoreOverview }) {
  const { current, previous, period, trend } = overview;
  const hasTrend = trend.some((day) => day.paidOrders > 0 || day.newMembers > 0 || day.refundFen > 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="overview-figures">
        <Typography.Text type="secondary">
          {OVERVIEW_PERIOD_LABELS[period]}（{spanText(current.from, current.to)}
          {period === 'today' ? '，截至 ' + formatTime(overview.asOf) : ''}）对比{OVERVIEW_PREVIOUS_LABELS[period]}（{spanText(previous.from, previous.to)}）
        </Typography.Text>
        <Row gutter={[16, 16]}>
          {FIGURES.map((figure) => (
            <Col key={figure.key} xs={12} md={8} xl={4}>
              <FigureCard figure={figure} current={current.figures} previous={previous.figures} previousLabel={OVERVIEW_PREVIOUS_LABELS[period]} />
            </Col>
          ))}
        </Row>
        <Card size="small" title={`近 ${OVERVIEW_TREND_DAYS} 天趋势`} extra={<Typography.Text type="secondary">净成交额 = 当日付款金额 − 当日退款金额</Typography.Text>}>
          {hasTrend ? (
            <Chart option={overviewTrendOption(trend)} height={300} label={`近 ${OVERVIEW_TREND_DAYS} 天每日净成交额、付款订单与新会员`} />
          ) : (
            <Empty description={`近 ${OVERVIEW_TREND_DAYS} 天还没有付款订单和新会员`} />
          )}
        </Card>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          口径：付款订单按付款时间计入（之后退款的仍计入，退款按退款成功时间另计）；净成交额 = 付款金额 − 退款金额；客单价 = 付款金额 ÷ 付款订单数；新会员按首次登录时间计。
        </Typography.Text>
    </Space>
  );
}

function FigureCard({ figure, current, previous, previousLabel }: { figure: FigureSpec; current: OverviewFigures; previous: OverviewFigures; previousLabel: string }) {
  const change = changeAgainst(current[figure.key], previous[figure.key]);
  const good = change && change.direction !== 'flat' && (change.direction === 'up') !== !!figure.lowerIsBetter;
  const color = !change || change.direction === 'flat' ? undefined : good ? '#389e0d' : '#cf1322';
  return (
    <Card size="small" data-testid={`figure-${figure.key}`}>
      <Statistic
        title={
          <Space size={4}>
            {figure.title}
            <Tooltip title={figure.definition}>
              <InfoCircleOutlined aria-label={`${figure.title}口径`} />
            </Tooltip>
          </Space>
        }
        value={figure.format(current[figure.key])}
        suffix={figure.detail && <span style={{ fontSize: 14 }}>{figure.detail(current)}</span>}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {previousLabel} {figure.format(previous[figure.key])}
        {figure.detail && ` · ${figure.detail(previous)}`}
      </Typography.Text>
      {/* Always a second line, so the cards of a row keep one height. */}
      <Typography.Text style={{ fontSize: 12, color, display: 'block' }} type={change ? undefined : 'secondary'}>
        {change ? (
          <>
            {change.direction === 'up' && <ArrowUpOutlined />}
            {change.direction === 'down' && <ArrowDownOutlined />} {change.text}
          </>
        ) : (
          '—'
        )}
      </Typography.Text>
    </Card>
  );
}
