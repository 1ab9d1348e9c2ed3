import { useShareAppMessage } from '@tarojs/taro';
import { SHARE_LINK_PAGES } from '@shared/api/attribution';
import { sharePath } from '@shared/scene';
import { createShareLink, recordShareEvent } from '@/services/share-links';
import { session } from '@/store/session';

/**
 * 转发 of a product page: a signed-in member's share carries their share link (`?s=`), so whoever opens it
 * is attributed to them, and the share is counted for the 推广报表. Sharing is only recorded, never rewarded (WeChat 运营规范 §5.1).
 * The page config needs `enableShareAppMessage: true`.
 */
export function useProductShare(product: { id: number; title: string } | null) {
  useShareAppMessage(() => {
    if (!product) return {};
    // A guest's share, or when the link cannot be made in time: the product without a sharer.
    const fallback = { title: product.title, path: sharePath(SHARE_LINK_PAGES.product, { id: product.id }) };
    if (!session.get().token) return fallback;
    const promise = createShareLink({ kind: 'product', targetId: product.id, channel: 'chat' })
      .then((link) => {
        recordShareEvent(link.shortId, 'chat');
        return { title: product.title, path: link.path };
      })
      .catch(() => fallback);
    return { ...fallback, promise };
  });
}
