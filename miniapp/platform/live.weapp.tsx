import Taro from '@tarojs/taro';
import { ChannelLive, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { SubscribeTemplate } from '@shared/api/payments';
import { pluginRoomUrl } from '@/live/live-params';
import type { ChannelsShareKey, LiveWatchEntryProps } from './types';

/**
 * WeChat's Channels and live-plugin APIs: callbacks only (Taro's typings leave out the answers we read), each
 * present only from some base library on, so every call is guarded.
 */
declare const wx: {
  canIUse(schema: string): boolean;
  reserveChannelsLive?(options: { noticeId: string; success(result: { state?: number }): void; fail(): void }): void;
  getChannelsShareKey?(options: { success(result: { sharerOpenId?: string; promoter?: { promoterId?: string } }): void; fail(): void }): void;
};
declare function requirePlugin(name: string): { getShareParams?(options: { scene: number }): Promise<{ custom_params?: unknown }> };

export function LiveWatchEntry({ session, shortId, label, onTap }: LiveWatchEntryProps) {
  const { finderUserName, feedId, roomId } = session;
  if (session.provider === 'channels' && finderUserName && feedId) {
    // WeChat's own live card: a tap goes to the live without a confirmation dialog (the room, its end page or replay).
    return (
      <View className="live-watch live-watch--channel" onClick={onTap}>
        <ChannelLive className="live-watch__channel-live" feedId={feedId} finderUserName={finderUserName} />
      </View>
    );
  }
  const open = async () => {
    onTap();
    try {
      if (session.provider === 'plugin' && roomId) {
        await Taro.navigateTo({ url: pluginRoomUrl(roomId, { sessionId: session.id, shortId }) });
      } else if (finderUserName) {
        // WeChat asks the viewer to confirm the jump to Channels.
        await Taro.openChannelsLive({ finderUserName });
      } else {
        Taro.showToast({ title: '直播间还没准备好，请稍后再来', icon: 'none' });
      }
    } catch (error) {
      const message = (error as { errMsg?: string }).errMsg ?? '';
      if (!message.includes('cancel')) Taro.showToast({ title: '暂时无法打开直播，请稍后重试', icon: 'none' });
    }
  };
  return (
    <Button className="live-watch-button" type="primary" block onClick={open}>
      {label}
    </Button>
  );
}

export async function askLiveReminder(template: SubscribeTemplate): Promise<boolean> {
  // Taro's option type also demands Alipay's entityIds; WeChat takes tmplIds only.
  const option = { tmplIds: [template.templateId] } as Taro.requestSubscribeMessage.Option;
  try {
    const result = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, string>;
    return result[template.templateId] === 'accept';
  } catch {
    // Closed, or the client refused the sheet (too old, not after a tap): no reminder.
    return false;
  }
}

export function reserveChannelsLive(noticeId: string): Promise<number | null> {
  if (typeof wx.reserveChannelsLive !== 'function') return Promise.resolve(null);
  return new Promise((resolve) => {
    wx.reserveChannelsLive!({ noticeId, success: (result) => resolve(result.state ?? null), fail: () => resolve(null) });
  });
}

export function channelsShareKey(): Promise<ChannelsShareKey | null> {
  if (typeof wx.getChannelsShareKey !== 'function') return Promise.resolve(null);
  return new Promise((resolve) => {
    wx.getChannelsShareKey!({
      success: ({ sharerOpenId, promoter }) =>
        resolve({ ...(sharerOpenId ? { sharerOpenId } : {}), ...(promoter?.promoterId ? { promoterId: promoter.promoterId } : {}) }),
      fail: () => resolve(null),
    });
  });
}

/** The live-player-plugin (declared in app.config.ts) answers for share cards of its rooms; anything else is null. */
export async function liveRoomShareParams(scene: number): Promise<unknown> {
  try {
    const plugin = requirePlugin('live-player-plugin');
    const shared = await plugin.getShareParams?.({ scene });
    return shared?.custom_params ?? null;
  } catch {
    return null;
  }
}
