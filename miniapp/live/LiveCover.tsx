import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { ShopperLiveSessionCard } from '@shared/api/live';
import { assetUrl } from '@/services/api-origin';
import { coverPlaceholderCaption } from './live-view';
import './live.scss';

interface LiveCoverProps {
  session: Pick<ShopperLiveSessionCard, 'coverUrl' | 'status'>;
  /** The page's class for the cover box (its size and corners), the image's or the placeholder's. */
  className: string;
  /** The status line under 直播 (the session page's large cover). */
  withCaption?: boolean;
}

/**
 * A session's cover. Without one, or when it fails to load (a removed upload, a dead link), the 直播 placeholder
 * instead of a broken image.
 */
export function LiveCover({ session, className, withCaption = false }: LiveCoverProps) {
  // The URL that failed: a new cover (the session edited, the page reloaded with another) is tried again.
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const url = session.coverUrl;
  if (url && url !== failedUrl) {
    return <Image className={className} src={assetUrl(url)} mode="aspectFill" onError={() => setFailedUrl(url)} />;
  }
  return (
    <View className={className}>
      <View className="live-cover-placeholder">
        <Text className="live-cover-placeholder__title">直播</Text>
        {withCaption && <Text className="live-cover-placeholder__caption">{coverPlaceholderCaption(session.status)}</Text>}
      </View>
    </View>
  );
}
