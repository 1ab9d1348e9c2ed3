import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ShopperLiveSessionCard } from '@shared/api/live';
import { fetchLiveSchedule, recordLiveClick } from '@/services/live';
import { liveSessionUrl } from '@/routes';
import { bannerSession } from './live-view';
import './live.scss';

/**
 * The session the home page's 正在直播 banner shows: read each time the page shows (a live may have started since);
 * null while nothing is live, and also when the schedule cannot be read (the banner is an extra, never an error).
 */
export function useLiveBanner() {
  const [session, setSession] = useState<ShopperLiveSessionCard | null>(null);
  const reload = useCallback(
    () =>
      fetchLiveSchedule().then(
        (schedule) => setSession(bannerSession(schedule)),
        () => {},
      ),
    [],
  );
  useDidShow(() => {
    reload();
  });
  return { session, reload };
}

/** 正在直播: a tap records the banner click, then opens the session page. */
export function LiveHomeBanner({ session }: { session: ShopperLiveSessionCard }) {
  const open = () => {
    recordLiveClick(session.id, 'banner');
    Taro.navigateTo({ url: liveSessionUrl(session.id) });
  };
  return (
    <View className="live-home-banner" data-session-id={session.id} onClick={open}>
      <Text className="live-home-banner__tag">
        <Text className="live-dot" />
        正在直播
      </Text>
      <Text className="live-home-banner__title">{session.title}</Text>
      <Text className="live-home-banner__go">去看看 ›</Text>
    </View>
  );
}
