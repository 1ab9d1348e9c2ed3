import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Popup } from '@nutui/nutui-react-taro';
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

export interface PosterSheetProps {
  kind: PosterKind;
  /** The product of a product poster. */
  productId?: number;
  visible: boolean;
  onClose(): void;
}

/**
 * 海报: the member's poster drawn by the server (their avatar and nickname, the product or the shop, a
 * mini-program code of their share link), to save (weapp album, H5 download) and send to friends. Only for a
 * signed-in member (the page signs the guest in first). Sharing it earns nothing: WeChat forbids rewarding shares.
 */
export function PosterSheet({ kind, productId, visible, onClose }: PosterSheetProps) {
  const [state, setState] = useState<PosterState>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const [filePath, link] = await Promise.all([
        downloadPoster(kind, productId),
        // The code's link, as a link to paste where there is no mini-program (H5); null on weapp.
        memberShareLink({ kind: kind === 'shop' ? 'page' : 'product', targetId: productId, channel: POSTER_CHANNEL })?.catch(() => null) ?? null,
      ]);
      setState({ status: 'ready', filePath, link: link ? { shortId: link.shortId, url: platform.shareableUrl(link.path) } : null });
    } catch (error) {
      setState({ status: 'error', message: (error as Error).message });
    }
  }, [kind, productId]);

  useEffect(() => {
    if (visible) load();
  }, [visible, load]);

  // The code's link as text to paste (H5 only).
  const linkUrl = state.status === 'ready' ? (state.link?.url ?? null) : null;

  return (
    // Centered, not at the bottom: on H5 a tab page's tab bar would cover a bottom sheet.
    <Popup className="poster-sheet" visible={visible} position="center" round closeable onClose={onClose}>
      <View className="poster-sheet__body">
        <Text className="poster-sheet__title">{kind === 'shop' ? '店铺海报' : '商品海报'}</Text>
        {state.status === 'loading' && <PageState status="loading" text="海报生成中…" />}
        {state.status === 'error' && <PageState status="error" text={state.message} onRetry={load} />}
        {state.status === 'ready' && (
          <>
            <Image className="poster-sheet__image poster-image" src={state.filePath} mode="aspectFit" showMenuByLongpress />
            <Text className="poster-sheet__hint">保存海报发给朋友，朋友扫码即可打开{kind === 'shop' ? '店铺' : '这件商品'}</Text>
            <platform.PosterSaveButton
              filePath={state.filePath}
              fileName={kind === 'shop' ? 'shop-poster.png' : `product-${productId}-poster.png`}
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
