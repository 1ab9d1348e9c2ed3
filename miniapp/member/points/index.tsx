import Taro, { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PointsLedgerEntry } from '@shared/api/loyalty';
import { listMyPoints } from '@/services/loyalty';
import { useSession } from '@/store/session';
import { usePagedList } from '@/hooks/usePagedList';
import { usePullDownReload, useReloadOnReturn } from '@/hooks/usePageReload';
import { orderDetailUrl } from '@/routes';
import { formatDate, formatDateTime } from '@/format/date-time';
import { PageState } from '@/components/page-state/PageState';
import { FeedFooter } from '@/components/product-card/FeedFooter';
import { LoginPrompt } from '@/components/login-prompt/LoginPrompt';
import { ledgerTitle, pointsDeltaText } from '../membership-text';
import '@/components/ledger-row/ledger-row.scss';
import './index.scss';

const PAGE_SIZE = 20;

/** 积分明细: every change of the points balance, newest first, with its reason and order. */
export default function PointsLedgerPage() {
  const { token } = useSession();
  const list = usePagedList(
    token ? 'points' : null,
    (page) => listMyPoints({ page, pageSize: PAGE_SIZE }),
    (entry) => entry.id,
  );

  // Back from an order's page, points may have been returned or taken back.
  useReloadOnReturn(list.refresh);

  usePullDownReload(list.refresh);
  useReachBottom(() => list.loadMore());

  if (!token) return <LoginPrompt text="登录后查看积分明细" />;
  if (list.status === 'loading') return <PageState status="loading" />;
  if (list.status === 'error') return <PageState status="error" text={list.error!} onRetry={list.retry} />;
  if (list.items.length === 0) return <PageState status="empty" text="暂无积分记录，下单完成后即可获得积分" />;

  return (
    <View className="points-ledger-page">
      {list.items.map((entry) => (
        <LedgerRow key={entry.id} entry={entry} />
      ))}
      <FeedFooter loadingMore={list.loadingMore} loadMoreFailed={list.loadMoreFailed} hasMore={list.hasMore} onRetry={list.loadMore} />
    </View>
  );
}

function LedgerRow({ entry }: { entry: PointsLedgerEntry }) {
  const credited = entry.delta > 0;
  return (
    <View className="ledger-row points-ledger-row" data-reason={entry.reason}>
      <View className="ledger-row__main">
        <Text className="ledger-row__title">{ledgerTitle(entry)}</Text>
        {entry.note && <Text className="ledger-row__note">{entry.note}</Text>}
        {entry.orderNo && (
          <Text
            className="ledger-row__order"
            onClick={() => Taro.navigateTo({ url: orderDetailUrl(entry.orderNo!) })}
          >
            订单号 {entry.orderNo} ›
          </Text>
        )}
        <Text className="ledger-row__time">
          {formatDateTime(entry.createdAt)}
          {credited && entry.expiresAt ? ` · ${formatDate(entry.expiresAt)} 到期` : ''}
        </Text>
      </View>
      <View className="ledger-row__amounts">
        <Text className={`ledger-row__delta points-delta ledger-row__delta--${credited ? 'in' : 'out'}`}>
          {pointsDeltaText(entry.delta)}
        </Text>
        <Text className="ledger-row__balance">余额 {entry.balanceAfter}</Text>
      </View>
    </View>
  );
}
