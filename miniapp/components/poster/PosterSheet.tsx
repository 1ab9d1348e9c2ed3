import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Popup } from '@nutui/nutui-react-taro';
import type { ShareLinkKind } from '@shared/api/attribution';
import { POSTER_CHANNEL, type PosterKind } from '@shared/api/sharing';
import platform from '@/platform';
import { downloadPoster } from '@/services/posters';
import { memberShareLink, recordShareEvent } from '@/services/share-links';
import { PageState } from '@/components/page-state/PageState';
import './poster-sheet.scss';

type PosterState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; filePath: string; link: { shortId: string; url: string | null } | null };

/** Per poster kind: the sheet's title, what the code opens, and the share link kind the code carries. */
const POSTER_COPY: Record<PosterKind, { title: string; opens: string; linkKind: ShareLinkKind }> = {
  product: { title: '商品海报', opens: '打开这件商品', linkKind: 'product' },
  shop: { title: '店铺海报', opens: '打开店铺', linkKind: 'page' },
  team: { title: '拼团海报', opens: '参加这个团', linkKind: 'team' },
};

export interface PosterSheetProps {
  kind: PosterKind;
  /** The product of a product poster, the team of a 拼团 poster. */
  targetId?: number;
  visible: boolean;
  onClose(): void;
}

/**
 * 海报: the member's poster drawn by the server (their avatar and nickname, the product or the shop, a
 * mini-program code of their share link), to save (weapp album, H5 download) and send to friends. Only for a
 * signed-in member (the page signs the guest in first). Sharing it earns nothing: WeChat forbids rewarding shares.
 */
export function PosterSheet({ kind, targetId, visible, onClose }: PosterSheetProps) {
  const copy = POSTER_COPY[kind];
  const [state, setState] = useState<PosterState>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const [filePath, link] = await Promise.all([
        downloadPoster(kind, targetId),
        // The code's link, as a link to paste where there is no mini-program (H5); null on weapp.
        memberShareLink({ kind: copy.linkKind, targetId, channel: POSTER_CHANNEL })?.catch(() => null) ?? null,
      ]);
      setState({ status: 'ready', filePath, link: link ? { shortId: link.shortId, url: platform.shareableUrl(link.path) } : null });
    } catch (error) {
      setState({ status: 'error', message: (error as Error).message });
    }
  }, [kind, targetId]);

  useEffect(() => {
    if (visible) load();
  }, [visible, load]);

  // The code's link as text to paste (H5 only).
  const linkUrl = state.status === 'ready' ? (state.link?.url ?? null) : null;

  return (
    // Centered, not at the bottom: on H5 a tab page's tab bar would cover a bottom sheet.
    <Popup className="poster-sheet" visible={visible} position="center" round closeable onClose={onClose}>
      <View className="poster-sheet__body">
        <Text className="poster-sheet__title">{copy.title}</Text>
        {state.status === 'loading' && <PageState status="loading" text="海报生成中…" />}
        {state.status === 'error' && <PageState status="error" text={state.message} onRetry={load} />}
        {state.status === 'ready' && (
          <>
            <Image className="poster-sheet__image poster-image" src={state.filePath} mode="aspectFit" showMenuByLongpress />
            <Text className="poster-sheet__hint">保存海报发给朋友，朋友扫码即可{copy.opens}</Text>
            <platform.PosterSaveButton
              filePath={state.filePath}
              fileName={kind === 'shop' ? 'shop-poster.png' : `${kind}-${targetId}-poster.png`}
              // A saved poster is a share of the 推广报表 (counted only, never rewarded).
              onSaved={() => state.link && recordShareEvent(state.link.shortId, 'poster')}
            />
            {linkUrl && (
              <View className="poster-sheet__link">
                <Text className="poster-sheet__link-text poster-link" selectable>
                  {linkUrl}
                </Text>
                <Text
                  className="poster-sheet__copy"
                  onClick={() => Taro.setClipboardData({ data: linkUrl }).catch(() => Taro.showToast({ title: '复制失败，请长按链接复制', icon: 'none' }))}
                >
                  复制链接
                </Text>
              </View>
            )}
          </>
        )}
      </View>
    </Popup>
  );
}
