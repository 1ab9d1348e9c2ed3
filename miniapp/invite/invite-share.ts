import { useCallback, useEffect, useState } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import type { ShareLink } from '@shared/api/attribution';
import { createShareLink } from '@/services/share-links';

/** The shop link H5 shoppers copy: the storefront's address with the member's short id (`/?s=…`). */
export function h5InviteUrl(origin: string, shortId: string): string {
  return `${origin}/?s=${encodeURIComponent(shortId)}`;
}

/**
 * The member's shop share link (kind page, channel invite): what 转发 on this page carries (weapp), and the address
 * H5 copies. The share itself is only recorded (attribution), never rewarded: the reward comes from a friend's
 * completed first order.
 */
export function useInviteShare(shopName: string, signedIn: boolean) {
  const [link, setLink] = useState<ShareLink | null>(null);
  const load = useCallback(() => createShareLink({ kind: 'page', channel: 'invite' }).then((made) => (setLink(made), made)), []);

  // A guest has no link of their own (the page asks them to log in first).
  useEffect(() => {
    if (signedIn) load().catch(() => {});
  }, [load, signedIn]);

  useShareAppMessage(() => {
    const title = `推荐你逛逛${shopName}`;
    const fallback = { title, path: '/pages/home/index' };
    if (link) return { title, path: link.path };
    if (!signedIn) return fallback;
    return { ...fallback, promise: load().then((made) => ({ title, path: made.path })).catch(() => fallback) };
  });

  /** H5: copies the invite address (there is no WeChat share sheet in a browser). */
  const copyLink = useCallback(async () => {
    try {
      const made = link ?? (await load());
      await Taro.setClipboardData({ data: h5InviteUrl(window.location.origin, made.shortId) });
      Taro.showToast({ title: '邀请链接已复制，发给好友吧', icon: 'none' });
    } catch {
      Taro.showToast({ title: '邀请链接生成失败，请稍后再试', icon: 'none' });
    }
  }, [link, load]);

  return { link, copyLink };
}
