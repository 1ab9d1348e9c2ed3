import Taro, { useReachBottom } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { GroupBuyMyTeam } from '@shared/api/group-buy';
import { listMyGroupBuyTeams } from '@/services/group-buy';
import { assetUrl } from '@/services/api-origin';
import { useSession } from '@/store/session';
import { usePagedList } from '@/hooks/usePagedList';
import { usePullDownReload, useReloadOnReturn } from '@/hooks/usePageReload';
import { PageState } from '@/components/page-state/PageState';
import { PriceText } from '@/components/price-text/PriceText';
import { FeedFooter } from '@/components/product-card/FeedFooter';
import { LoginPrompt } from '@/components/login-prompt/LoginPrompt';
import { FaceAvatar } from '@/group-buy/SeatRow';
import { teamBanner, teamSizeLabel } from '@/group-buy/group-buy-view';
import { groupBuyTeamUrl, orderDetailUrl, routes } from '@/routes';
import './index.scss';

const PAGE_SIZE = 10;

/** 我的拼团: the teams the member opened or joined, newest first, with their state and the way to each. */
export default function MyGroupBuyTeamsPage() {
  const { token } = useSession();
  const list = usePagedList(token ? 'mine' : null, (page) => listMyGroupBuyTeams(page, PAGE_SIZE), (entry) => entry.orderNo);
  usePullDownReload(list.refresh);
  useReloadOnReturn(list.refresh);
  useReachBottom(() => list.loadMore());

  if (!token) return <LoginPrompt text="登录后查看我的拼团" />;

  return (
    <View className="my-teams-page">
      {list.status === 'loading' && <PageState status="loading" />}
      {list.status === 'error' && <PageState status="error" text={list.error ?? '加载失败'} onRetry={list.retry} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <View className="my-teams-page__empty">
          <PageState status="empty" text="还没有参加过拼团" />
          <Button type="primary" size="small" onClick={() => Taro.navigateTo({ url: routes.groupBuyZone })}>
            去拼团专区
          </Button>
        </View>
      )}
      {list.status === 'ready' && list.items.map((entry) => <MyTeamCard key={entry.orderNo} entry={entry} />)}
      {list.status === 'ready' && list.items.length > 0 && (
        <FeedFooter loadingMore={list.loadingMore} loadMoreFailed={list.loadMoreFailed} hasMore={list.hasMore} onRetry={list.loadMore} />
      )}
    </View>
  );
}

function MyTeamCard({ entry }: { entry: GroupBuyMyTeam }) {
  const { team, orderNo } = entry;
  const banner = teamBanner(team);
  return (
    <View className="my-team-card" data-team-id={team.id} onClick={() => Taro.navigateTo({ url: groupBuyTeamUrl(team.id) })}>
      <View className="my-team-card__head">
        <Text className="gb-tag">{teamSizeLabel(team.teamSize)}</Text>
        <Text className={`gb-state gb-state--${banner.tone} team-state`}>{banner.title}</Text>
      </View>
      <View className="my-team-card__body">
        {team.offer.productImage ? (
          <Image className="my-team-card__image" src={assetUrl(team.offer.productImage)} mode="aspectFill" />
        ) : (
          <View className="my-team-card__image" />
        )}
        <View className="my-team-card__info">
          <Text className="my-team-card__title">{team.offer.productTitle}</Text>
          <PriceText fen={team.offer.groupPriceFen} />
          <View className="my-team-card__faces">
            {team.faces.map((face, index) => (
              <FaceAvatar key={index} face={face} size="small" />
            ))}
            {banner.progress && <Text className="my-team-card__missing">{banner.progress}</Text>}
          </View>
        </View>
      </View>
      <View className="my-team-card__actions">
        <Button
          size="small"
          onClick={(event) => {
            event.stopPropagation(); // the card itself opens the team
            Taro.navigateTo({ url: orderDetailUrl(orderNo) });
          }}
        >
          查看订单
        </Button>
        <Button size="small" type="primary" fill="outline">
          查看拼团
        </Button>
      </View>
    </View>
  );
}
