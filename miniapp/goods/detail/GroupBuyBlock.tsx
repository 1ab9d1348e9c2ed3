import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { GroupBuyOffer, GroupBuyOpenTeam } from '@shared/api/group-buy';
import { formatCountdown } from '@/format/countdown';
import { FaceAvatar } from '@/group-buy/SeatRow';
import { teamSizeLabel } from '@/group-buy/group-buy-view';
import { useNow } from '@/group-buy/useNow';
import { groupBuyTeamUrl } from '@/routes';

/**
 * The product's 拼团 on its page: the teams the shopper may join now (leader, seats left, live countdown,
 * 去参团 → the team page) and the rules. Teams that ran out while shown drop off by themselves.
 */
export function GroupBuyBlock({ offer, openTeams }: { offer: GroupBuyOffer; openTeams: GroupBuyOpenTeam[] }) {
  const now = useNow(openTeams.length > 0);
  const running = openTeams
    .map((team) => ({ team, countdown: formatCountdown(team.expiresAt, now) }))
    .filter((entry) => entry.countdown !== null);

  return (
    <View className="group-buy-block">
      <View className="group-buy-block__head">
        <Text className="group-buy-block__title">{teamSizeLabel(offer.teamSize)} · {running.length > 0 ? '还差几人就成团，直接参与' : '发起拼团，邀请好友一起买'}</Text>
        <Text className="group-buy-block__succeeded">已成团 {offer.teamsSucceeded}</Text>
      </View>
      {running.map(({ team, countdown }) => (
        <View key={team.id} className="group-buy-block__team open-team" data-team-id={team.id}>
          <FaceAvatar face={team.leader} size="small" />
          <Text className="group-buy-block__leader">{team.leader.nickname}</Text>
          <View className="group-buy-block__left">
            <Text className="group-buy-block__missing">还差 <Text className="group-buy-block__count">{team.seatsLeft}</Text> 人</Text>
            <Text className="group-buy-block__countdown team-countdown">剩余 {countdown}</Text>
          </View>
          <Button className="join-team-button" size="small" type="primary" onClick={() => Taro.navigateTo({ url: groupBuyTeamUrl(team.id) })}>
            去参团
          </Button>
        </View>
      ))}
      <Text className="group-buy-block__rules group-buy-rules">{offer.rulesText}</Text>
    </View>
  );
}
