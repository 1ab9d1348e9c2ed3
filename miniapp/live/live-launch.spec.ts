const enterOptions: { scene?: number } = {};
jest.mock('@tarojs/taro', () => ({
  getEnterOptionsSync: () => {
    if (enterOptions.scene === undefined) throw new Error('not supported');
    return enterOptions;
  },
}));

import { liveLaunchCapture, type LiveLaunch } from './live-launch';

const platformAnswers: { shareKey: unknown; roomShare: unknown } = { shareKey: null, roomShare: null };
const reported: LiveLaunch[] = [];
const { launch: captureLiveLaunch, pageOpen: captureLivePageOpen } = liveLaunchCapture({
  channelsShareKey: async () => platformAnswers.shareKey as { sharerOpenId?: string } | null,
  liveRoomShareParams: async () => platformAnswers.roomShare,
  report: (launch) => reported.push(launch),
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
beforeEach(() => {
  reported.length = 0;
  platformAnswers.shareKey = null;
  platformAnswers.roomShare = null;
});

describe('launches from a live', () => {
  it('reports a Channels scene with the sharer WeChat gave', async () => {
    platformAnswers.shareKey = { sharerOpenId: 'o-sharer', promoterId: 'p-1' };
    captureLiveLaunch(1177, {});
    await settle();
    expect(reported).toEqual([{ scene: 1177, sharerOpenId: 'o-sharer', promoterId: 'p-1' }]);
  });

  it('reports a Channels scene without a sharer when WeChat gave none (the server matches the live session)', async () => {
    captureLiveLaunch(1195, {});
    await settle();
    expect(reported).toEqual([{ scene: 1195 }]);
  });

  it('reports a plugin room jump with the session and sharer of its custom_params, once for launch and show', async () => {
    const query = { custom_params: encodeURIComponent(JSON.stringify({ sessionId: 31, s: 'a3D' })) };
    captureLiveLaunch(1001, query);
    captureLiveLaunch(1001, query);
    await settle();
    expect(reported).toEqual([{ scene: 1001, sessionId: 31, shortId: 'a3D' }]);
  });

  it('reads a live room share card through the plugin', async () => {
    platformAnswers.roomShare = { sessionId: 32 };
    captureLiveLaunch(1007, {});
    await settle();
    expect(reported).toEqual([{ scene: 1007, sessionId: 32 }]);
  });

  it('ignores share cards that are not a live room, malformed custom_params and launches without a scene', async () => {
    platformAnswers.roomShare = 'not ours';
    captureLiveLaunch(1008, {});
    captureLiveLaunch(1001, { custom_params: '%7Bbroken' });
    captureLiveLaunch(1001, { custom_params: '{"sessionId":-1}' });
    captureLiveLaunch(undefined, { custom_params: '{"sessionId":33}' });
    captureLiveLaunch(0, { custom_params: '{"sessionId":33}' });
    await settle();
    expect(reported).toEqual([]);
  });

  it('reports a product page a room opened, with the launch scene; none where there is no WeChat launch (H5)', async () => {
    enterOptions.scene = 1089;
    captureLivePageOpen({ id: '12', custom_params: '{"sessionId":34}' });
    captureLivePageOpen({ id: '12' });
    delete enterOptions.scene;
    captureLivePageOpen({ id: '12', custom_params: '{"sessionId":35}' });
    await settle();
    expect(reported).toEqual([{ scene: 1089, sessionId: 34 }]);
  });
});
