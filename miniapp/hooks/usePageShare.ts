import { useEffect, useState } from 'react';
import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { ShareLinkKind } from '@shared/api/attribution';
import { sharePath } from '@shared/scene';
import { memberShareLink, recordShareEvent } from '@/services/share-links';
import { useSession } from '@/store/session';

/** What a page shares: the page with its context, and the product's or the shop's title and picture. */
export interface PageShare {
  /** The page path without the leading `/`, e.g. `goods/detail/index`. */
  page: string;
  /** The page's context, e.g. `{ id: 12 }` of a product, `{ categoryId: 3 }` of a category. */
  query: Record<string, string | number>;
  /** What the sharer's link names: a product, a 拼团 team, a live session, or the shop (kind page). */
  link: { kind: Extract<ShareLinkKind, 'product' | 'page' | 'team' | 'live'>; targetId?: number };
  title: string;
  /** An absolute image URL (the product's or the shop's); without one WeChat shows a picture of the page. */
  imageUrl?: string;
}

/** What onShareAppMessage answers: the page's path with its context and, for a member, their short id. */
export function chatShare(share: PageShare, shortId?: string) {
  return { title: share.title, path: sharePath(share.page, share.query, shortId), imageUrl: share.imageUrl };
}

/** What onShareTimeline answers: Moments opens the same page, so only the query (`id=12&s=a3D`) is given. */
export function timelineShare(share: PageShare, shortId?: string) {
  return { title: share.title, query: sharePath(share.page, share.query, shortId).split('?')[1] ?? '', imageUrl: share.imageUrl };
}

/**
 * 转发 (chat) and 分享到朋友圈 (Moments) of a page. A signed-in member's share carries their share link (`?s=`,
 * channel `chat` or `moments`), so whoever opens it is attributed to them; a guest's carries none. A member's
 * share is counted for the 推广报表 (recordShareEvent). Sharing is only recorded, never rewarded (WeChat 运营规范 §5.1). The page config needs `enableShareAppMessage: true` and
 * `enableShareTimeline: true`. Pass null while the page has nothing to share yet.
 */
export function usePageShare(share: PageShare | null) {
  const { token } = useSession();
  // Moments asks synchronously (no promise), so the member's link is fetched as soon as the page knows what it shares.
  const [momentsShortId, setMomentsShortId] = useState<string | undefined>();
  const kind = share?.link.kind;
  const targetId = share?.link.targetId;

  useEffect(() => {
    setMomentsShortId(undefined);
    if (!kind || !token) return;
    let alive = true;
    memberShareLink({ kind, targetId, channel: 'moments' })
      ?.then((link) => alive && setMomentsShortId(link.shortId))
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, [kind, targetId, token]);

  useShareAppMessage(() => {
    if (!share) return {};
    const withoutSharer = chatShare(share);
    const link = memberShareLink({ ...share.link, channel: 'chat' });
    if (!link) return withoutSharer;
    // WeChat waits up to 3 s for the promise; when the link cannot be made, the share goes without a sharer.
    const promise = link
      .then((made) => {
        recordShareEvent(made.shortId, 'chat');
        return chatShare(share, made.shortId);
      })
      .catch(() => withoutSharer);
    return { ...withoutSharer, promise };
  });

  useShareTimeline(() => {
    if (!share) return {};
    if (momentsShortId) recordShareEvent(momentsShortId, 'moments');
    return timelineShare(share, momentsShortId);
  });
}
