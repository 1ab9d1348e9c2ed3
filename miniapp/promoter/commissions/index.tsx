import { useState } from 'react';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Tabs } from '@nutui/nutui-react-taro';
import { COMMISSION_STATUS_LABELS, COMMISSION_STATUSES, type CommissionRecord, type CommissionStatus } from '@shared/api/referral';
import { formatYuan } from '@shared/money';
import { listMyCommissions } from '@/services/referral';
import { useSession } from '@/store/session';
import { usePagedList } from '@/hooks/usePagedList';
import { usePullDownReload } from '@/hooks/usePageReload';
import { formatDateTime } from '@/format/date-time';
import { PageState } from '@/components/page-state/PageState';
import { FeedFooter } from '@/components/product-card/FeedFooter';
import { LoginPrompt } from '@/components/login-prompt/LoginPrompt';
import { levelText, rateText, reversalNote } from '../promoter-text';
import '../promoter-list.scss';
import './index.scss';

const PAGE_SIZE = 20;
type Tab = CommissionStatus | 'all';

const EMPTY_TEXT: Record<Tab, string> = {
  all: '还没有佣金记录，团队成员下单付款后会出现在这里',
  frozen: '没有待结算的佣金',
  settled: '没有已结算的佣金',
  reversed: '没有被扣回的佣金',
};

/** 佣金明细: one row per order line and level, by status (待结算 / 已结算 / 已扣回); `?status=` opens a tab. */
export default function PromoterCommissionsPage() {
  const { token } = useSession();
  const requested = useRouter().params.status as CommissionStatus | undefined;
  const [tab, setTab] = useState<Tab>(requested && COMMISSION_STATUSES.includes(requested) ? requested : 'all');
  const list = usePagedList(
    token ? tab : null,
    (page) => listMyCommissions({ status: tab === 'all' ? undefined : tab, page, pageSize: PAGE_SIZE }),
    (record) => record.id,
  );

  usePullDownReload(list.refresh);
  useReachBottom(() => list.loadMore());

  if (!token) return <LoginPrompt text="登录后查看佣金明细" />;

  return (
    <View className="promoter-list-page commissions-page">
      <Tabs className="promoter-list-page__tabs" value={tab} activeType="line" onChange={(value) => setTab(value as Tab)}>
        <Tabs.TabPane value="all" title="全部" />
        {COMMISSION_STATUSES.map((status) => (
          <Tabs.TabPane key={status} value={status} title={COMMISSION_STATUS_LABELS[status]} />
        ))}
      </Tabs>
      {list.status === 'loading' && <PageState status="loading" />}
      {list.status === 'error' && <PageState status="error" text={list.error!} onRetry={list.retry} />}
      {list.status === 'ready' && list.items.length === 0 && <PageState status="empty" text={EMPTY_TEXT[tab]} />}
      {list.status === 'ready' && list.items.length > 0 && (
        <View className="promoter-list-page__list">
          {list.items.map((record) => (
            <CommissionRow key={record.id} record={record} />
          ))}
          <FeedFooter loadingMore={list.loadingMore} loadMoreFailed={list.loadMoreFailed} hasMore={list.hasMore} onRetry={list.loadMore} />
        </View>
      )}
    </View>
  );
}

function CommissionRow({ record }: { record: CommissionRecord }) {
  const note = reversalNote(record);
  return (
    <View className="promoter-row commission-row commission-record" data-status={record.status}>
      <View className="commission-row__head">
        <Text className="commission-row__title">{record.productTitle}</Text>
        <Text className={`commission-row__amount commission-row__amount--${record.status}`}>{formatYuan(record.amountFen)}</Text>
      </View>
      <View className="commission-row__tags">
        <Text className={`commission-row__status commission-row__status--${record.status}`}>{COMMISSION_STATUS_LABELS[record.status]}</Text>
        <Text className="commission-row__level">{levelText(record.level)}佣金</Text>
      </View>
      <Text className="commission-row__line">
        实付 {formatYuan(record.baseFen)}（{record.quantity} 件）× 比例 {rateText(record.rateBp)}
      </Text>
      {note && <Text className="commission-row__line commission-row__line--reversed">{note}</Text>}
      <Text className="commission-row__line">订单号 {record.orderNo}</Text>
      <Text className="commission-row__line">
        {formatDateTime(record.createdAt)} 产生{record.settledAt ? ` · ${formatDateTime(record.settledAt)} 结算` : ''}
      </Text>
    </View>
  );
}
