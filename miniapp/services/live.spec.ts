jest.mock('@tarojs/taro', () => ({}));
let agreed = false;
jest.mock('./privacy-consent', () => ({ privacyGuard: { hasAgreed: async () => agreed } }));
jest.mock('./device-id', () => ({ deviceId: () => 'device0000000000000001' }));
const sent: string[] = [];
jest.mock('./request', () => ({
  request: async (path: string, options?: { body?: unknown }) => {
    sent.push(`${path} ${JSON.stringify(options?.body)}`);
  },
}));

import { recordLiveClick, recordLiveInbound } from './live';
import { releaseHeldTouch } from './touches';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('live clicks and launches carry the device id only after privacy consent', () => {
  beforeEach(() => {
    sent.length = 0;
  });

  it('holds them until the shopper agrees, then sends them', async () => {
    agreed = false;
    recordLiveClick(5, 'banner');
    recordLiveInbound({ scene: 1177 });
    await settle();
    expect(sent).toEqual([]);
    releaseHeldTouch();
    await settle();
    expect(sent).toEqual([
      '/live/sessions/5/clicks {"deviceId":"device0000000000000001","entry":"banner"}',
      '/live/inbound {"deviceId":"device0000000000000001","scene":1177}',
    ]);
  });

  it('sends them at once once the shopper has agreed', async () => {
    agreed = true;
    recordLiveClick(6, 'session');
    await settle();
    expect(sent).toEqual(['/live/sessions/6/clicks {"deviceId":"device0000000000000001","entry":"session"}']);
  });
});
