import { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReferralLedgerEntry } from '@shared/api/referral';
import { formatYuan } from '@shared/money';
import { listMyReferralLedger } from '@/services/referral';
import { useSession } from '@/store/session';
import { usePagedList } from '@/hooks/usePagedList';
import { usePullDownReload } from '@/hooks/usePageReload';
import { formatDateTime } from '@/format/date-time';
import { PageState } from '@/components/page-state/PageState';
import { FeedFooter } from '@/components/product-card/FeedFooter';
import { LoginPrompt } from '@/components/login-prompt/LoginPrompt';
import { ledgerAmounts } from '../promoter-text';
import '@/components/ledger-row/ledger-row.scss';
import '../promoter-list.scss';
import './index.scss';

const PAGE_SIZE = 20;

/** 资金流水: every change of the balance and the debt (settlement, refund take-back, withdrawal), newest first. */
export default function PromoterLedgerPage() {
  const { token } = useSession();
  const list = usePagedList(token ? 'ledger' : null, (page) => listMyReferralLedger({ page, pageSize: PAGE_SIZE }), (entry) => entry.id);

  usePullDownReload(list.refresh);
  useReachBottom(() => list.loadMore());

  if (!token) return <LoginPrompt text="登录后查看资金流水" />;
  if (list.status === 'loading') return <PageState status="loading" />;
  if (list.status === 'error') return <PageState status="error" text={list.error!} onRetry={list.retry} />;
  if (list.items.length === 0) return <PageState status="empty" text="还没有资金流水，佣金结算后会计入余额" />;

  return (
    <View className="promoter-list-page ledger-page">
      <View className="promoter-list-page__list">
        {list.items.map((entry) => (
          <LedgerRow key={entry.id} entry={entry} />
        ))}
        <FeedFooter loadingMore={list.loadingMore} loadMoreFailed={list.loadMoreFailed} hasMore={list.hasMore} onRetry={list.loadMore} />
      </View>
    </View>
  );
}

function LedgerRow({ entry }: { entry: ReferralLedgerEntry }) {
  const amounts = ledgerAmounts(entry);
  return (
    <View className="ledger-row referral-ledger-row" data-kind={entry.kind}>
      <View className="ledger-row__main">
        <Text className="ledger-row__title">{entry.kindText}</Text>
        {entry.note && <Text className="ledger-row__note">{entry.note}</Text>}
        <Text className="ledger-row__time">{formatDateTime(entry.createdAt)}</Text>
      </View>
      <View className="ledger-row__amounts">
        <Text className={`ledger-row__delta ledger-row__delta--${entry.balanceDeltaFen >= 0 ? 'in' : 'out'}`}>{amounts.balance}</Text>
        {amounts.debt && <Text className="referral-ledger-row__debt">{amounts.debt}</Text>}
        <Text className="ledger-row__balance">
          余额 {formatYuan(entry.balanceAfterFen)}
          {entry.debtAfterFen > 0 ? ` · 欠款 ${formatYuan(entry.debtAfterFen)}` : ''}
        </Text>
      </View>
    </View>
  );
}
