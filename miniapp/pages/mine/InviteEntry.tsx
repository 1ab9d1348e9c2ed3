import { useCallback, useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Cell } from '@nutui/nutui-react-taro';
import { fetchMyInvites } from '@/services/invites';
import { useLoadable } from '@/hooks/useLoadable';
import { useReloadOnReturn } from '@/hooks/usePageReload';
import { routes } from '@/routes';
import { inviteEntryText } from '@/invite/invite-text';

/**
 * 邀请有礼 on 我的: with its promise while the shop's rule runs; with the rule off, only for a member who has invited
 * friends (to see them and what was earned). Hidden while loading or when the rule could not be read.
 */
export function InviteEntry() {
  const fetchOverview = useCallback(() => fetchMyInvites(1, 1), []);
  const { state, reload } = useLoadable(fetchOverview);

  useEffect(() => {
    reload();
  }, [reload]);

  // The owner may switch the rule on or off while the member is elsewhere.
  useReloadOnReturn(reload);

  const description = state.status === 'ready' ? inviteEntryText(state.data) : null;
  if (description === null) return null;
  return <Cell className="invite-entry" title="邀请有礼" description={description} clickable onClick={() => Taro.navigateTo({ url: routes.invite })} />;
}
