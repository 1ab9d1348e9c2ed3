import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OrderDetail } from '@shared/api/orders';
import { fetchGroupBuyTeam, quitGroupBuy } from '@/services/group-buy';
import { useLoadable } from '@/hooks/useLoadable';
import { formatCountdown } from '@/format/countdown';
import { teamBanner } from '@/group-buy/group-buy-view';
import { useNow } from '@/group-buy/useNow';
import { groupBuyTeamUrl } from '@/routes';
import '@/group-buy/group-buy.scss';
import './group-buy-order-card.scss';

/**
 * The 拼团 of a group order on its page: the team's state, seats missing and countdown, 查看拼团, and while the
 * order waits for the team (on hold) 取消拼团并退款 (frees the seat, refunds the whole order).
 */
export function GroupBuyOrderCard({ order, teamId, onChanged }: { order: OrderDetail; teamId: number; onChanged(): void }) {
  const fetchTeam = useCallback(() => fetchGroupBuyTeam(teamId), [teamId]);
  const { state, reload } = useLoadable(fetchTeam);
  const [quitting, setQuitting] = useState(false);

  useEffect(() => {
    reload();
  }, [reload, order.status, order.fulfilmentHold]);

  const team = state.status === 'ready' ? state.data : null;
  const now = useNow(team?.status === 'forming');
  const countdown = team?.status === 'forming' && team.expiresAt ? formatCountdown(team.expiresAt, now) : null;
  const banner = team ? teamBanner(team) : null;

  const quit = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消拼团并退款',
      content: '取消后你的名额将让给别人，货款全额原路退回。确定取消吗？',
      confirmText: '取消拼团',
      cancelText: '再等等',
    });
    if (!confirm) return;
    setQuitting(true);
    try {
      await quitGroupBuy(order.orderNo);
      Taro.showToast({ title: '已取消拼团，款项将原路退回', icon: 'none' });
      onChanged();
    } catch {
      // Toasted by the request wrapper (e.g. the team succeeded meanwhile).
      onChanged();
    } finally {
      setQuitting(false);
    }
  };

  return (
    <View className="order-section group-buy-order-card">
      <View className="group-buy-order-card__head">
        <Text className="order-section__title">拼团</Text>
        {banner && <Text className={`gb-state gb-state--${banner.tone} team-state`}>{banner.title}</Text>}
      </View>
      {state.status === 'error' && <Text className="order-section__muted">拼团信息加载失败，下拉刷新重试</Text>}
      {banner?.progress && (
        <Text className="group-buy-order-card__hint">
          {banner.progress}
          {countdown ? `，剩余 ${countdown}` : ''}
        </Text>
      )}
      {banner && !banner.progress && <Text className="order-section__muted">{banner.hint}</Text>}
      <View className="group-buy-order-card__actions">
        {/* Only while the paid order waits for a forming team: a refunded or cancelled order keeps its hold, it has nothing to quit. */}
        {order.status === 'paid' && order.fulfilmentHold === 'group_buy' && team?.status === 'forming' && (
          <Button className="quit-team-button" size="small" loading={quitting} onClick={quit}>
            取消拼团并退款
          </Button>
        )}
        <Button className="view-team-button" size="small" type="primary" fill="outline" onClick={() => Taro.navigateTo({ url: groupBuyTeamUrl(teamId) })}>
          查看拼团
        </Button>
      </View>
    </View>
  );
}
