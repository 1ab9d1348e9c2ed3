import { useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Tabs } from '@nutui/nutui-react-taro';
import type { TeamMember } from '@shared/api/referral';
import { listMyTeam } from '@/services/referral';
import { assetUrl } from '@/services/api-origin';
import { useSession } from '@/store/session';
import { usePagedList } from '@/hooks/usePagedList';
import { usePullDownReload } from '@/hooks/usePageReload';
import { formatDateTime } from '@/format/date-time';
import { PageState } from '@/components/page-state/PageState';
import { FeedFooter } from '@/components/product-card/FeedFooter';
import { LoginPrompt } from '@/components/login-prompt/LoginPrompt';
import '../promoter-list.scss';
import './index.scss';

const PAGE_SIZE = 20;

const EMPTY_TEXT: Record<1 | 2, string> = {
  1: '还没有一级成员。朋友通过你分享的商品或链接登录后，会出现在这里',
  2: '还没有二级成员。你的一级成员分享给他们的朋友后，会出现在这里',
};

/** 我的团队: level 1 (brought by me) and level 2 (brought by them) — never a third — with masked phones. */
export default function PromoterTeamPage() {
  const { token } = useSession();
  const [level, setLevel] = useState<1 | 2>(1);
  const list = usePagedList(token ? `team-${level}` : null, (page) => listMyTeam({ level, page, pageSize: PAGE_SIZE }), (member) => member.memberId);

  usePullDownReload(list.refresh);
  useReachBottom(() => list.loadMore());

  if (!token) return <LoginPrompt text="登录后查看我的团队" />;

  return (
    <View className="promoter-list-page team-page">
      <Tabs className="promoter-list-page__tabs" value={level} activeType="line" onChange={(value) => setLevel(Number(value) as 1 | 2)}>
        <Tabs.TabPane value={1} title="一级成员" />
        <Tabs.TabPane value={2} title="二级成员" />
      </Tabs>
      {list.status === 'loading' && <PageState status="loading" />}
      {list.status === 'error' && <PageState status="error" text={list.error!} onRetry={list.retry} />}
      {list.status === 'ready' && list.items.length === 0 && <PageState status="empty" text={EMPTY_TEXT[level]} />}
      {list.status === 'ready' && list.items.length > 0 && (
        <View className="promoter-list-page__list">
          {list.items.map((member) => (
            <TeamRow key={member.memberId} member={member} />
          ))}
          <FeedFooter loadingMore={list.loadingMore} loadMoreFailed={list.loadMoreFailed} hasMore={list.hasMore} onRetry={list.loadMore} />
        </View>
      )}
    </View>
  );
}

function TeamRow({ member }: { member: TeamMember }) {
  return (
    <View className="promoter-row team-row team-member">
      {member.avatarUrl ? <Image className="team-row__avatar" src={assetUrl(member.avatarUrl)} mode="aspectFill" /> : <View className="team-row__avatar team-row__avatar--empty" />}
      <View className="team-row__main">
        <Text className="team-row__name">{member.nickname || '微信用户'}</Text>
        <Text className="team-row__phone">{member.phoneMasked ?? '未绑定手机号'}</Text>
      </View>
      <Text className="team-row__joined">{formatDateTime(member.joinedAt)} 加入</Text>
    </View>
  );
}
