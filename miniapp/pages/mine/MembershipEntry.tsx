import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { fetchMembership } from '@/services/loyalty';
import { useLoadable } from '@/hooks/useLoadable';
import { useReloadOnReturn } from '@/hooks/usePageReload';
import { routes } from '@/routes';
import './membership-entry.scss';

/**
 * The strip under the profile on 我的: level and points at a glance, opening 会员中心. A failed load still
 * leaves the entry usable (the member center shows the error with a retry).
 */
export function MembershipEntry() {
  const { state, reload } = useLoadable(fetchMembership);

  useEffect(() => {
    reload();
  }, [reload]);

  // Orders paid or points spent elsewhere change what the strip says.
  useReloadOnReturn(reload);

  const card = state.status === 'ready' ? state.data : null;
  return (
    <View className="membership-entry member-center-entry" onClick={() => Taro.navigateTo({ url: routes.memberCenter })}>
      <Text className="membership-entry__level">{card ? card.level.name : '会员'}</Text>
      <Text className="membership-entry__points">{card ? `积分 ${card.pointsBalance}` : '等级 · 积分 · 权益'}</Text>
      <Text className="membership-entry__more">会员中心 ›</Text>
    </View>
  );
}
