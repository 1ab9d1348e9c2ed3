import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import type { CommissionStatus, MyPromoterStatus } from '@shared/api/referral';
import { formatFen, formatYuan } from '@shared/money';
import { useSession } from '@/store/session';
import { useLoadable } from '@/hooks/useLoadable';
import { usePullDownReload, useReloadOnReturn } from '@/hooks/usePageReload';
import { routes } from '@/routes';
import { PendingState } from '@/components/page-state/PendingState';
import { LoginPrompt } from '@/components/login-prompt/LoginPrompt';
import { CustomerService } from '@/components/customer-service/CustomerService';
import { leftoverAfterProgramOff, promoterView } from '../promoter-text';
import { fetchPromoterOverview } from '../promoter-overview';
import { ApplyForm } from './ApplyForm';
import './index.scss';

/**
 * 推广中心: what a member sees of 分销 depends on the shop's program and their status — off, the application
 * (指定分销), waiting, refused (reason, apply again), frozen (reason), the spend still to go (人人分销 with a
 * minimum), or the center itself: earnings, balance and debt, 提现, team, commission records and the ledger.
 */
export default function PromoterCenterPage() {
  const { token } = useSession();
  const { state, setState, reload, retry } = useLoadable(token ? fetchPromoterOverview : null);

  useEffect(() => {
    reload();
  }, [reload]);

  // Back from the records, the ledger or a withdrawal, the figures may have moved.
  useReloadOnReturn(reload);
  usePullDownReload(reload);

  if (!token) return <LoginPrompt text="登录后查看推广中心" />;
  if (state.status !== 'ready') return <PendingState state={state} onRetry={retry} />;

  const { status, openWithdrawal } = state.data;
  const view = promoterView(status);
  return (
    <View className="promoter-center-page" data-view={view}>
      {view === 'off' &&
        (leftoverAfterProgramOff(status, openWithdrawal) ? (
          <>
            <View className="promoter-notice promoter-notice--off">
              <Text className="promoter-notice__title">分销已关闭</Text>
              <Text className="promoter-notice__text">本店已关闭分销，不再产生新的佣金。你仍可以把余额提现到微信零钱；已通过审核的提现，请在提现记录中点「确认收款」。</Text>
            </View>
            <BalanceCard status={status} />
          </>
        ) : (
          <View className="promoter-notice promoter-notice--off">
            <Text className="promoter-notice__title">本店暂未开启分销</Text>
            <Text className="promoter-notice__text">店铺开启分销后，你可以在这里成为推广员，查看收益和团队。</Text>
          </View>
        ))}
      {(view === 'apply' || view === 'rejected') && (
        <ApplyForm rejectReason={view === 'rejected' ? status.rejectReason : null} onApplied={(next) => setState({ status: 'ready', data: { status: next, openWithdrawal } })} />
      )}
      {view === 'pending' && (
        <View className="promoter-notice promoter-notice--pending">
          <Text className="promoter-notice__title">申请已提交，等待审核</Text>
          <Text className="promoter-notice__text">店铺审核通过后，你就可以在这里查看收益和团队。下拉可以刷新审核结果。</Text>
        </View>
      )}
      {view === 'frozen' && (
        <>
          <View className="promoter-notice promoter-notice--frozen">
            <Text className="promoter-notice__title">你的推广资格已被冻结</Text>
            {status.freezeReason && <Text className="promoter-notice__reason">原因：{status.freezeReason}</Text>}
            <Text className="promoter-notice__text">冻结期间不再产生新的佣金，提现也已暂停；已通过审核的提现仍可在提现记录中确认收款。如有疑问请联系客服。</Text>
          </View>
          <BalanceCard status={status} />
          <RecordLinks status={status} />
          <CustomerService />
        </>
      )}
      {view === 'spend' && (
        <View className="promoter-notice promoter-notice--spend">
          <Text className="promoter-notice__title">再消费 {formatYuan(status.spendToGoFen ?? 0)} 即可成为推广员</Text>
          <Text className="promoter-notice__text">本店的推广员需累计消费达到门槛（已付款、未退款的订单），达到后自动成为推广员，无需申请、不收任何费用。</Text>
          <Button className="promoter-notice__action" type="primary" size="small" onClick={() => Taro.switchTab({ url: routes.home })}>
            去逛逛
          </Button>
        </View>
      )}
      {view === 'active' && <ActiveCenter status={status} />}
    </View>
  );
}

function ActiveCenter({ status }: { status: MyPromoterStatus }) {
  const openRecords = (tab: CommissionStatus) => Taro.navigateTo({ url: `${routes.promoterCommissions}?status=${tab}` });
  return (
    <>
      <View className="earnings-card">
        <View className="earnings-card__main">
          <View className="earnings-card__figure">
            <Text className="earnings-card__label">今日收益（元）</Text>
            <Text className="earnings-card__amount today-earnings">{formatFen(status.todayCommissionFen)}</Text>
          </View>
          <View className="earnings-card__figure earnings-card__figure--right">
            <Text className="earnings-card__label">累计收益（元）</Text>
            <Text className="earnings-card__amount earnings-card__amount--small total-earnings">{formatFen(status.totalCommissionFen)}</Text>
          </View>
        </View>
        <View className="earnings-card__row">
          <StatusFigure className="frozen-total" label="待结算" fen={status.frozenCommissionFen} onClick={() => openRecords('frozen')} />
          <StatusFigure className="settled-total" label="已结算" fen={status.settledCommissionFen} onClick={() => openRecords('settled')} />
          <StatusFigure className="reversed-total" label="已扣回" fen={status.reversedCommissionFen} onClick={() => openRecords('reversed')} />
        </View>
      </View>

      <BalanceCard status={status} />
      <RecordLinks status={status} />

      <View className="promoter-section share-guide">
        <Text className="promoter-section__title">怎样推广</Text>
        <Text className="promoter-section__line">在商品页点「分享」，把商品转发给朋友或生成海报。</Text>
        <Text className="promoter-section__line">朋友通过你的分享登录，会成为你的团队成员；他们下单并付款后，你按他们实际付款的金额（不含运费）获得佣金。只分享、只注册都不产生佣金。</Text>
        <Button className="share-guide__action" type="primary" fill="outline" size="small" onClick={() => Taro.switchTab({ url: routes.home })}>
          去挑选商品分享
        </Button>
      </View>

      <View className="promoter-section commission-rules">
        <Text className="promoter-section__title">佣金说明</Text>
        <Text className="promoter-section__line">订单付款后佣金为「待结算」；买家确认收货并过了售后期后「已结算」，计入可提现余额。</Text>
        <Text className="promoter-section__line">订单退款时，按退款的件数扣回相应的佣金（「已扣回」）。</Text>
        <Text className="promoter-section__line">团队只有两级：你直接邀请的朋友（一级）和他们邀请的朋友（二级）。</Text>
      </View>
    </>
  );
}

function StatusFigure({ className, label, fen, onClick }: { className: string; label: string; fen: number; onClick(): void }) {
  return (
    <View className={`earnings-card__status ${className}`} onClick={onClick}>
      <Text className="earnings-card__status-amount">{formatYuan(fen)}</Text>
      <Text className="earnings-card__status-label">{label} ›</Text>
    </View>
  );
}

/**
 * 可提现余额, 欠款 (what it means), 提现, and 提现记录 (where 确认收款 is). 提现 is off while there is a debt or the
 * promoter is frozen (the server refuses both); the records stay reachable to confirm a transfer already approved.
 */
function BalanceCard({ status }: { status: MyPromoterStatus }) {
  const frozen = status.status === 'frozen';
  const note = frozen
    ? '推广资格冻结期间暂停提现。'
    : status.debtFen > 0
      ? '欠款来自佣金结算后才发生的退款。之后结算的佣金会先用来还清欠款，还清前不能提现。'
      : '已结算的佣金计入余额，可申请提现到微信零钱。';
  return (
    <View className="promoter-balance-card">
      <View className="promoter-balance-card__row">
        <View className="promoter-balance-card__figure">
          <Text className="promoter-balance-card__label">可提现余额</Text>
          <Text className="promoter-balance-card__amount promoter-balance">{formatYuan(status.balanceFen)}</Text>
        </View>
        <View className="promoter-balance-card__figure">
          <Text className="promoter-balance-card__label">欠款</Text>
          <Text className={`promoter-balance-card__amount promoter-debt${status.debtFen > 0 ? ' promoter-balance-card__amount--debt' : ''}`}>{formatYuan(status.debtFen)}</Text>
        </View>
        {/* 提现 opens the withdrawals page of this subpackage (promoter/withdrawals/). */}
        <Button
          className="promoter-balance-card__withdraw withdraw-entry"
          type="primary"
          size="small"
          disabled={frozen || status.debtFen > 0}
          onClick={() => Taro.navigateTo({ url: routes.promoterWithdrawals })}
        >
          {frozen ? '暂停提现' : '提现'}
        </Button>
      </View>
      <Text className="promoter-balance-card__note debt-note">{note}</Text>
      <Text className="promoter-balance-card__records withdrawal-records-entry" onClick={() => Taro.navigateTo({ url: routes.promoterWithdrawals })}>
        提现记录 ›
      </Text>
    </View>
  );
}

function RecordLinks({ status }: { status: MyPromoterStatus }) {
  return (
    <Cell.Group className="promoter-links">
      <Cell
        className="team-entry"
        title="我的团队"
        description={`一级 ${status.teamLevel1Count} 人 · 二级 ${status.teamLevel2Count} 人`}
        clickable
        onClick={() => Taro.navigateTo({ url: routes.promoterTeam })}
      />
      <Cell className="commissions-entry" title="佣金明细" description="待结算、已结算、已扣回" clickable onClick={() => Taro.navigateTo({ url: routes.promoterCommissions })} />
      <Cell className="ledger-entry" title="资金流水" description="结算、扣回与提现" clickable onClick={() => Taro.navigateTo({ url: routes.promoterLedger })} />
      {status.referrer && <Cell className="referrer-cell" title="我的推荐人" extra={<Text>{status.referrer.nickname || '微信用户'}</Text>} />}
    </Cell.Group>
  );
}
