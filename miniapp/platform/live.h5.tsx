import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { LIVE_PROVIDER_LABELS } from '@shared/api/live';
import { sessionTimeText, watchInWeChatText } from '@/live/live-view';
import type { ChannelsShareKey, LiveWatchEntryProps } from './types';

/** A browser can play neither a Channels live nor a plugin room: the tap (recorded all the same) says where to watch. */
export function LiveWatchEntry({ session, label, onTap }: LiveWatchEntryProps) {
  const [open, setOpen] = useState(false);
  const explanation = watchInWeChatText(session.status);
  return (
    <>
      <Button
        className="live-watch-button"
        type="primary"
        block
        onClick={() => {
          onTap();
          setOpen(true);
        }}
      >
        {label}
      </Button>
      <Popup visible={open} position="center" round closeable onClose={() => setOpen(false)}>
        <View className="live-h5-explain">
          <Text className="live-h5-explain__title">{explanation.title}</Text>
          <Text className="live-h5-explain__session">{session.title}</Text>
          <Text className="live-h5-explain__meta">
            {LIVE_PROVIDER_LABELS[session.provider]} · {session.statusLabel} · {sessionTimeText(session)}
          </Text>
          <Text className="live-h5-explain__text">{explanation.text}</Text>
          <Button className="live-h5-explain__close" type="primary" block onClick={() => setOpen(false)}>
            我知道了
          </Button>
        </View>
      </Popup>
    </>
  );
}

/** No subscribe sheet in a browser: a 预约 is kept without a reminder. */
export const askLiveReminder = null;

export const reserveChannelsLive = (): Promise<number | null> => Promise.resolve(null);

export const channelsShareKey = (): Promise<ChannelsShareKey | null> => Promise.resolve(null);

export const liveRoomShareParams = (): Promise<unknown> => Promise.resolve(null);
