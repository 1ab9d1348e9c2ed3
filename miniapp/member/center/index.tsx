import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, Progress } from '@nutui/nutui-react-taro';
import type { MembershipCard } from '@shared/api/loyalty';
import { fetchMembership } from '@/services/loyalty';
import { useSession } from '@/store/session';
import { useLoadable } from '@/hooks/useLoadable';
import { usePullDownReload, useReloadOnReturn } from '@/hooks/usePageReload';
import { routes } from '@/routes';
import { formatDate } from '@/format/date-time';
import { PendingState } from '@/components/page-state/PendingState';
import { LoginPrompt } from '@/components/login-prompt/LoginPrompt';
import {
  levelTierClass,
  levelBenefits,
  levelProgressPercent,
  levelRequirement,
  pointsRuleLines,
  pointsWorthFen,
  upgradeHint,
} from '../membership-text';
import { roundYuan } from '@shared/money';
import './index.scss';

/** 会员中心: the level card with progress, the points summary, every level's benefits and the points rule. */
export default function MemberCenterPage() {
  const { token } = useSession();
  const { state, reload, retry } = useLoadable(token ? fetchMembership : null);

  useEffect(() => {
    reload();
  }, [reload]);

  // Back from the ledger or an order, the level and points may have moved.
  useReloadOnReturn(reload);

  usePullDownReload(reload);

  if (!token) return <LoginPrompt text="登录后查看会员等级与积分" />;
  if (state.status !== 'ready') return <PendingState state={state} onRetry={retry} />;

  const card = state.data;
  return (
    <View className="member-center-page">
      <LevelCard card={card} />
      <PointsSummary card={card} />

      <Cell.Group className="member-center-page__links">
        <Cell
          className="points-ledger-entry"
          title="积分明细"
          description="获得、抵扣与过期记录"
          clickable
          onClick={() => Taro.navigateTo({ url: routes.pointsLedger })}
        />
        <Cell
          className="member-coupons-entry"
          title="我的优惠券"
          clickable
          onClick={() => Taro.navigateTo({ url: routes.myCoupons })}
        />
      </Cell.Group>

      <LevelBenefits card={card} />

      <View className="member-section points-rule">
        <Text className="member-section__title">积分规则</Text>
        {pointsRuleLines(card.pointsRule).map((line) => (
          <Text key={line} className="points-rule__line">
            {line}
          </Text>
        ))}
      </View>
    </View>
  );
}

function LevelCard({ card }: { card: MembershipCard }) {
  const percent = levelProgressPercent(card);
  return (
    <View className={`level-card ${levelTierClass(card.level.rank)}`}>
      <View className="level-card__head">
        <Text className="level-card__name member-level-name">{card.level.name}</Text>
        <Text className="level-card__rank">V{card.level.rank}</Text>
      </View>
      <Text className="level-card__paid">
        近{card.levelWindowDays}天消费 <Text className="level-card__paid-amount net-paid">{roundYuan(card.netPaidFen)}</Text>
      </Text>
      <Progress
        className="level-card__progress level-progress"
        percent={percent}
        background="rgba(255, 255, 255, 0.3)"
        color="#fff"
        strokeWidth="6"
        data-percent={percent}
      />
      {card.nextLevel && (
        <View className="level-card__progress-ends">
          <Text>{card.level.name}</Text>
          <Text>{card.nextLevel.name}</Text>
        </View>
      )}
      <Text className="level-card__hint level-upgrade-hint">{upgradeHint(card)}</Text>
    </View>
  );
}

function PointsSummary({ card }: { card: MembershipCard }) {
  const worthFen = pointsWorthFen(card.pointsBalance, card.pointsRule.pointsPerYuan);
  return (
    <View className="member-section points-summary" onClick={() => Taro.navigateTo({ url: routes.pointsLedger })}>
      <View className="points-summary__row">
        <View>
          <Text className="points-summary__label">我的积分</Text>
          <Text className="points-summary__balance points-balance">{card.pointsBalance}</Text>
        </View>
        <View className="points-summary__side">
          {card.pointsRule.pointsMaxSharePercent > 0 && worthFen > 0 && (
            <Text className="points-summary__worth points-worth">可抵 {roundYuan(worthFen)}</Text>
          )}
          <Text className="points-summary__more">明细 ›</Text>
        </View>
      </View>
      {card.pointsExpiringSoon > 0 && (
        <Text className="points-summary__expiring points-expiring">
          {card.pointsExpiringSoon} 积分将于 30 天内过期
          {card.pointsExpiringSoonAt ? `（最早 ${formatDate(card.pointsExpiringSoonAt)}）` : ''}，请尽快使用
        </Text>
      )}
    </View>
  );
}

function LevelBenefits({ card }: { card: MembershipCard }) {
  return (
    <View className="member-section level-benefits">
      <Text className="member-section__title">等级权益</Text>
      {card.levels.map((level) => {
        const current = level.id === card.level.id;
        return (
          <View
            key={level.id}
            className={`level-row${current ? ' level-row--current' : ''}`}
            data-level={level.name}
          >
            <View className={`level-row__badge ${levelTierClass(level.rank)}`}>
              <Text>{level.name}</Text>
            </View>
            <View className="level-row__body">
              <View className="level-row__head">
                <Text className="level-row__requirement">{levelRequirement(level, card.levelWindowDays)}</Text>
                {current && <Text className="level-row__current">当前等级</Text>}
              </View>
              <View className="level-row__benefits">
                {levelBenefits(level).map((benefit) => (
                  <Text key={benefit} className="benefit-tag">
                    {benefit}
                  </Text>
                ))}
              </View>
            </View>
          </View>
        );
      })}
    </View>
  );
}
