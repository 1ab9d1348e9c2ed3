import { useCallback, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { Button as TaroButton, Image, Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { INVITED_FRIEND_STATE_LABELS, type InvitedFriend, type MyInvites } from '@shared/api/invite-rewards';
import { fetchMyInvites } from '@/services/invites';
import { assetUrl } from '@/services/api-origin';
import { useShopProfile } from '@/services/shop';
import { useSession } from '@/store/session';
import { usePagedList } from '@/hooks/usePagedList';
import { usePullDownReload, useReloadOnReturn } from '@/hooks/usePageReload';
import { formatDate } from '@/format/date-time';
import { PageState } from '@/components/page-state/PageState';
import { FeedFooter } from '@/components/product-card/FeedFooter';
import { LoginPrompt } from '@/components/login-prompt/LoginPrompt';
import { useInviteShare } from './invite-share';
import { inviteRunning } from './invite-text';
import './index.scss';

const PAGE_SIZE = 20;
const STATE_TAG: Record<InvitedFriend['state'], 'default' | 'warning' | 'danger'> = { registered: 'default', ordered: 'warning', rewarded: 'danger' };

/**
 * 邀请有礼: the rule in plain words, the member's share (转发 on weapp, a copied link on H5), what they earned and
 * the friends they invited with each one's state. Sharing earns nothing by itself (WeChat forbids rewarding it):
 * the reward comes when a friend's first order is completed and its after-sale window has passed.
 */
export default function InvitePage() {
  const { token } = useSession();
  const { shopName } = useShopProfile();
  const [overview, setOverview] = useState<Pick<MyInvites, 'rule' | 'earned' | 'total'> | null>(null);
  const fetchPage = useCallback(async (page: number) => {
    const answer = await fetchMyInvites(page, PAGE_SIZE);
    setOverview({ rule: answer.rule, earned: answer.earned, total: answer.total });
    return answer;
  }, []);
  const list = usePagedList(token ? 'invites' : null, fetchPage, (friend) => friend.memberId);
  const share = useInviteShare(shopName, Boolean(token));

  // Back from sharing or another page, a friend may have ordered meanwhile.
  useReloadOnReturn(list.refresh);
  usePullDownReload(list.refresh);
  useReachBottom(() => list.loadMore());

  if (!token) return <LoginPrompt text="登录后邀请好友，查看邀请记录" />;
  if (list.status === 'loading' || !overview) {
    return list.status === 'error' ? <PageState status="error" text={list.error!} onRetry={list.retry} /> : <PageState status="loading" />;
  }

  const { rule, earned } = overview;
  // With the rule off nothing is promised and nobody is asked to invite; past friends and rewards stay visible.
  const running = inviteRunning(rule);
  return (
    <View className="invite-page">
      <View className="invite-rule">
        <Text className="invite-rule__title">{running ? '邀请好友 · 首单完成得好礼' : '邀请有礼'}</Text>
        {running ? (
          <Text className="invite-rule__reward">每位好友奖励 {rule.rewardText}</Text>
        ) : (
          <Text className="invite-rule__reward invite-rule__reward--off">活动暂未开启</Text>
        )}
        {running && <Text className="invite-rule__summary">{rule.summary}</Text>}
        {running && rule.ruleText && <Text className="invite-rule__text">{rule.ruleText}</Text>}
        {running && <ShareButton onCopyLink={share.copyLink} />}
        {running ? (
          <Text className="invite-rule__hint">分享本身没有奖励；好友通过你的链接进店，首单完成{rule.afterSaleWindowDays > 0 ? `并过了 ${rule.afterSaleWindowDays} 天售后期` : ''}后才发放。</Text>
        ) : (
          <Text className="invite-rule__hint">活动开启后才会发放奖励；下面是你之前邀请的好友和已获得的奖励。</Text>
        )}
      </View>

      <View className="invite-earned">
        <Figure value={earned.rewardedFriends} label="已奖励好友" />
        <Figure value={earned.coupons} label="获得优惠券（张）" />
        <Figure value={earned.points} label="获得积分" />
      </View>

      <View className="invite-friends">
        <Text className="invite-friends__title">我邀请的好友（{overview.total}）</Text>
        {list.items.length === 0 ? (
          <PageState status="empty" text={running ? '还没有邀请好友，点上方按钮邀请吧' : '还没有邀请记录'} />
        ) : (
          list.items.map((friend) => <FriendRow key={friend.memberId} friend={friend} />)
        )}
        <FeedFooter loadingMore={list.loadingMore} loadMoreFailed={list.loadMoreFailed} hasMore={list.hasMore} onRetry={list.loadMore} />
      </View>
    </View>
  );
}

/** 转发 on weapp (the page's share), a copied link on H5. */
function ShareButton({ onCopyLink }: { onCopyLink(): void }) {
  return process.env.TARO_ENV === 'weapp' ? (
    <TaroButton className="invite-rule__share" openType="share">
      邀请好友
    </TaroButton>
  ) : (
    <TaroButton className="invite-rule__share invite-copy-link" onClick={onCopyLink}>
      复制邀请链接
    </TaroButton>
  );
}

function Figure({ value, label }: { value: number; label: string }) {
  return (
    <View className="invite-earned__figure">
      <Text className="invite-earned__value">{value}</Text>
      <Text className="invite-earned__label">{label}</Text>
    </View>
  );
}

function FriendRow({ friend }: { friend: InvitedFriend }) {
  return (
    <View className="invite-friend" data-state={friend.state}>
      {friend.avatarUrl ? (
        <Image className="invite-friend__avatar" src={assetUrl(friend.avatarUrl)} mode="aspectFill" />
      ) : (
        <View className="invite-friend__avatar invite-friend__avatar--empty" />
      )}
      <View className="invite-friend__main">
        <View className="invite-friend__line">
          <Text className="invite-friend__name">{friend.nickname || '微信用户'}</Text>
          {friend.phoneMasked && <Text className="invite-friend__phone">{friend.phoneMasked}</Text>}
        </View>
        <Text className="invite-friend__note">{friend.note}</Text>
        <Text className="invite-friend__time">{formatDate(friend.invitedAt)} 邀请</Text>
      </View>
      <Tag className="invite-friend__state" type={STATE_TAG[friend.state]} plain={friend.state === 'registered'}>
        {INVITED_FRIEND_STATE_LABELS[friend.state]}
      </Tag>
    </View>
  );
}
