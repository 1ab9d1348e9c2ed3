import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatFen } from '@shared/money';
import type { MyWithdrawals, Withdrawal, WithdrawalStatus } from '@shared/api/withdrawals';
import platform from '@/platform';
import { routes } from '@/routes';
import { fetchConfirmParams, listMyWithdrawals, requestWithdrawal } from '@/services/withdrawals';
import { fetchPromoterStatus } from '@/services/referral';
import { useSession } from '@/store/session';
import { usePagedList } from '@/hooks/usePagedList';
import { usePullDownReload } from '@/hooks/usePageReload';
import { formatDateTime } from '@/format/date-time';
import { PageState } from '@/components/page-state/PageState';
import { FeedFooter } from '@/components/product-card/FeedFooter';
import { LoginPrompt } from '@/components/login-prompt/LoginPrompt';
import { amountFormatProblem, checkAmount, mostNowFen, pausedReason, rulesText, type WithdrawalRules } from './withdrawal-form';
import './index.scss';

const PAGE_SIZE = 20;
/** WeChat's notification follows a confirmation within seconds: look again a little later. */
const RECHECK_AFTER_MS = [1500, 4000];

/**
 * 佣金提现: the balance (and any debt, which blocks withdrawing), the amount with the shop's limits, and my
 * withdrawals with their states. A waiting one has 确认收款: WeChat's sheet on weapp (wx.requestMerchantTransfer),
 * the fake WeChat's page on H5, which comes back here.
 */
export default function WithdrawalsPage() {
  const { token } = useSession();
  const [rules, setRules] = useState<WithdrawalRules | null>(null);
  const list = usePagedList(
    token ? 'withdrawals' : null,
    async (page) => {
      const answer: MyWithdrawals = await listMyWithdrawals({ page, pageSize: PAGE_SIZE });
      setRules(answer);
      return answer;
    },
    (withdrawal) => withdrawal.id,
  );
  // A frozen promoter may not withdraw (the server answers WITHDRAWAL_NOT_ALLOWED): say so before they type.
  const [paused, setPaused] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [confirmingId, setConfirmingId] = useState<number | null>(null);
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);

  useEffect(() => {
    if (token) fetchPromoterStatus().then((status) => setPaused(pausedReason(status)), () => {});
  }, [token]);

  const recheckSoon = () => {
    for (const delay of RECHECK_AFTER_MS) timers.current.push(setTimeout(() => list.refresh(), delay));
  };
  useEffect(() => () => timers.current.forEach(clearTimeout), []);

  // Back from the confirmation page (H5), or from another page: the state may have moved.
  useDidShow(() => {
    const returned = platform.takeReturnedTransferOutcome();
    if (returned === 'confirmed') {
      Taro.showToast({ title: '已确认收款，稍后到账微信零钱', icon: 'none', duration: 2500 });
      recheckSoon();
    } else if (returned === 'cancelled') {
      Taro.showToast({ title: '未收款，可在 24 小时内再次确认', icon: 'none', duration: 2500 });
    }
    if (returned || list.status === 'ready') list.refresh();
  });
  usePullDownReload(list.refresh);
  useReachBottom(() => list.loadMore());

  if (!token) return <LoginPrompt text="登录后查看佣金与提现" />;
  if (list.status === 'loading' || (list.status === 'ready' && !rules)) return <PageState status="loading" />;
  if (list.status === 'error' || !rules) return <PageState status="error" text={list.error ?? '加载失败'} onRetry={list.retry} />;

  const submit = async () => {
    const checked = checkAmount(amount, rules);
    if ('problem' in checked) {
      setProblem(checked.problem);
      return;
    }
    setProblem(null);
    setSubmitting(true);
    try {
      await requestWithdrawal(checked.fen);
      setAmount('');
      Taro.showToast({ title: '已提交，等待审核', icon: 'success' });
      await list.refresh();
    } catch {
      // The request wrapper showed the server's message (e.g. the balance changed meanwhile).
      await list.refresh();
    } finally {
      setSubmitting(false);
    }
  };

  const confirm = async (withdrawal: Withdrawal) => {
    setConfirmingId(withdrawal.id);
    try {
      const params = await fetchConfirmParams(withdrawal.id);
      const outcome = await platform.confirmTransfer(params, routes.promoterWithdrawals);
      if (outcome === 'confirmed') {
        Taro.showToast({ title: '已确认收款，稍后到账微信零钱', icon: 'none', duration: 2500 });
        recheckSoon();
      }
    } catch (error) {
      if (error instanceof Error && error.message) Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
    } finally {
      setConfirmingId(null);
      list.refresh();
    }
  };

  const blocked = rules.debtFen > 0 || paused !== null;
  return (
    <View className="withdrawals-page">
      <View className="withdrawals-page__card balance-card">
        <Text className="balance-card__label">可提现余额（元）</Text>
        <Text className="balance-card__amount" data-testid="withdrawable-balance">
          {formatFen(rules.balanceFen)}
        </Text>
        {paused && (
          <Text className="balance-card__debt" data-testid="withdrawal-paused">
            {paused}
          </Text>
        )}
        {rules.debtFen > 0 && (
          <Text className="balance-card__debt" data-testid="withdrawal-debt">
            佣金欠款 ¥{formatFen(rules.debtFen)}：退款扣回的佣金超过了余额，之后的佣金先抵扣欠款，还清前不能提现
          </Text>
        )}
      </View>

      <View className="withdrawals-page__card withdraw-form">
        <Text className="withdraw-form__title">提现到微信零钱</Text>
        <View className="withdraw-form__row">
          <Text className="withdraw-form__currency">¥</Text>
          <Input
            className="withdraw-form__input"
            // H5's "digit" input drops a typed "-" or a second "." without a word; a text input keeps what was typed
            // and the form says what is wrong with it. weapp's digit keypad has neither key.
            type={process.env.TARO_ENV === 'weapp' ? 'digit' : 'text'}
            placeholder="输入提现金额"
            value={amount}
            disabled={blocked}
            onInput={(event) => {
              setAmount(event.detail.value);
              setProblem(amountFormatProblem(event.detail.value));
            }}
            aria-label="提现金额"
          />
          <Text
            className="withdraw-form__all"
            onClick={() => {
              if (blocked) return;
              setAmount(formatFen(mostNowFen(rules)));
              setProblem(null);
            }}
          >
            全部提现
          </Text>
        </View>
        <Text className={`withdraw-form__hint${problem ? ' withdraw-form__hint--error' : ''}`}>{problem ?? rulesText(rules)}</Text>
        <Button className="withdraw-form__submit" type="primary" block loading={submitting} disabled={blocked || rules.balanceFen < rules.minFen} onClick={submit}>
          申请提现
        </Button>
        <Text className="withdraw-form__note">
          提交后由商家审核；审核通过后请在 24 小时内点「确认收款」，钱会转入你的微信零钱。被拒绝、撤销或超时未确认的金额会退回余额。
        </Text>
      </View>

      <Text className="withdrawals-page__heading">提现记录</Text>
      {list.items.length === 0 ? (
        <PageState status="empty" text="还没有提现记录" />
      ) : (
        list.items.map((withdrawal) => (
          <WithdrawalRow key={withdrawal.id} withdrawal={withdrawal} confirming={confirmingId === withdrawal.id} onConfirm={() => confirm(withdrawal)} />
        ))
      )}
      {list.items.length > 0 && <FeedFooter loadingMore={list.loadingMore} loadMoreFailed={list.loadMoreFailed} hasMore={list.hasMore} onRetry={list.loadMore} />}
    </View>
  );
}

const STATUS_TONE: Record<WithdrawalStatus, 'pending' | 'done' | 'returned'> = {
  requested: 'pending',
  approved: 'pending',
  waiting: 'pending',
  success: 'done',
  failed: 'returned',
  cancelled: 'returned',
  rejected: 'returned',
};

function WithdrawalRow({ withdrawal, confirming, onConfirm }: { withdrawal: Withdrawal; confirming: boolean; onConfirm(): void }) {
  const returned = STATUS_TONE[withdrawal.status] === 'returned';
  return (
    <View className="withdrawal-row" data-testid={`withdrawal-${withdrawal.id}`}>
      <View className="withdrawal-row__main">
        <Text className="withdrawal-row__amount">¥{formatFen(withdrawal.amountFen)}</Text>
        <Text className="withdrawal-row__time">申请于 {formatDateTime(withdrawal.requestedAt)}</Text>
        {withdrawal.rejectReason && <Text className="withdrawal-row__reason">未通过原因：{withdrawal.rejectReason}</Text>}
        {withdrawal.failReasonText && <Text className="withdrawal-row__reason">失败原因：{withdrawal.failReasonText}</Text>}
        {returned && <Text className="withdrawal-row__reason">金额已退回余额</Text>}
        {withdrawal.status === 'waiting' && withdrawal.canConfirm && <Text className="withdrawal-row__reason">请在 24 小时内确认收款，超时将退回余额</Text>}
      </View>
      <View className="withdrawal-row__side">
        <Text className={`withdrawal-row__status withdrawal-row__status--${STATUS_TONE[withdrawal.status]}`} data-testid="withdrawal-status">
          {withdrawal.statusText}
        </Text>
        {withdrawal.canConfirm && (
          <Button className="withdrawal-row__confirm" size="small" type="primary" loading={confirming} onClick={onConfirm}>
            确认收款
          </Button>
        )}
      </View>
    </View>
  );
}
