import platform from '@/platform';
import { recordLiveInbound } from '@/services/live';
import { liveLaunchCapture } from './live-launch';

/** Launches from a live, read through this build's WeChat APIs and reported after privacy consent (recordLiveInbound). */
const capture = liveLaunchCapture({
  channelsShareKey: platform.channelsShareKey,
  liveRoomShareParams: platform.liveRoomShareParams,
  report: recordLiveInbound,
});

export const captureLiveLaunch = capture.launch;
export const captureLivePageOpen = capture.pageOpen;
