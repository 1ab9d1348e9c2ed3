jest.mock('@tarojs/taro', () => ({}));
const signedIn = { token: null as string | null, profile: null as { id: number } | null };
jest.mock('@/store/session', () => ({ session: { get: () => signedIn } }));
const requests: string[] = [];
const answers = new Map<string, unknown>();
jest.mock('./request', () => {
  class ApiRequestError extends Error {
    constructor(
      message: string,
      readonly code: string,
      readonly status: number,
    ) {
      super(message);
    }
  }
  return {
    ApiRequestError,
    request: async (path: string, options?: { body?: unknown }) => {
      requests.push(options?.body ? `${path} ${JSON.stringify(options.body)}` : path);
      const answer = answers.get(path);
      if (answer instanceof Error) throw answer;
      if (answer === undefined) throw new ApiRequestError('分享链接不存在或已失效', 'SHARE_LINK_NOT_FOUND', 404);
      return answer;
    },
  };
});

import { encodeShortId } from '@shared/scene';
import { memberShareLink, productIdOfPage, recordShareEvent, targetIdOfPage } from './share-links';
import { ApiRequestError } from './request';

describe('the 拼团 team of a team page', () => {
  beforeEach(() => {
    requests.length = 0;
    answers.clear();
  });

  it('is the id parameter, else the team of the share link (a share path\'s s or a scanned scene)', async () => {
    expect(await targetIdOfPage('team', '41', encodeShortId(5))).toBe(41);
    expect(requests).toEqual([]);
    answers.set(`/share-links/${encodeShortId(5)}`, { kind: 'team', targetId: 42 });
    expect(await targetIdOfPage('team', undefined, encodeShortId(5))).toBe(42);
  });

  it('is none for a link to a product', async () => {
    answers.set(`/share-links/${encodeShortId(6)}`, { kind: 'product', targetId: 7 });
    expect(await targetIdOfPage('team', undefined, encodeShortId(6))).toBeNull();
    expect(await targetIdOfPage('team', undefined, null)).toBeNull();
  });
});

describe('the product of a product page', () => {
  beforeEach(() => {
    requests.length = 0;
    answers.clear();
  });

  it('is the id parameter when there is one, without asking the server', async () => {
    expect(await productIdOfPage('12', encodeShortId(5))).toBe(12);
    expect(requests).toEqual([]);
  });

  it('is the product of the share link a scanned code names', async () => {
    const shortId = encodeShortId(5);
    answers.set(`/share-links/${shortId}`, { kind: 'product', targetId: 31 });
    expect(await productIdOfPage(undefined, encodeURIComponent(shortId))).toBe(31);
  });

  it('is none for a link to something else, an unknown link or no scene at all', async () => {
    answers.set(`/share-links/${encodeShortId(6)}`, { kind: 'page', targetId: null });
    expect(await productIdOfPage(undefined, encodeShortId(6))).toBeNull();
    expect(await productIdOfPage(undefined, encodeShortId(7))).toBeNull();
    expect(await productIdOfPage('abc', 'goods,12')).toBeNull();
    expect(await productIdOfPage(undefined, undefined)).toBeNull();
  });

  it('lets a network failure through, so the page offers a retry', async () => {
    answers.set(`/share-links/${encodeShortId(8)}`, new ApiRequestError('网络连接失败，请检查网络后重试', 'NETWORK_ERROR', 0));
    await expect(productIdOfPage(undefined, encodeShortId(8))).rejects.toThrow('网络连接失败');
  });
});

describe("the member's share link of a target and channel", () => {
  beforeEach(() => {
    requests.length = 0;
    answers.clear();
  });

  it('is none for a guest, and asked for once per member, target and channel', async () => {
    signedIn.token = null;
    expect(memberShareLink({ kind: 'product', targetId: 3, channel: 'chat' })).toBeNull();
    signedIn.token = 't1';
    signedIn.profile = { id: 1 };
    answers.set('/share-links', { shortId: 'a5' });
    const first = await memberShareLink({ kind: 'product', targetId: 3, channel: 'chat' });
    const again = await memberShareLink({ kind: 'product', targetId: 3, channel: 'chat' });
    await memberShareLink({ kind: 'product', targetId: 3, channel: 'moments' });
    expect([first?.shortId, again?.shortId]).toEqual(['a5', 'a5']);
    expect(requests).toHaveLength(2);
    // Another member (after signing out and in) gets their own link.
    signedIn.profile = { id: 2 };
    await memberShareLink({ kind: 'product', targetId: 3, channel: 'chat' });
    expect(requests).toHaveLength(3);
  });

  it('asks again after a failure', async () => {
    signedIn.token = 't1';
    signedIn.profile = { id: 9 };
    await expect(memberShareLink({ kind: 'page', channel: 'chat' })).rejects.toThrow();
    answers.set('/share-links', { shortId: 'a7' });
    expect((await memberShareLink({ kind: 'page', channel: 'chat' }))?.shortId).toBe('a7');
  });
});

describe('recording a share', () => {
  it('posts the share event and never lets a failure reach the share', async () => {
    requests.length = 0;
    // The mock answers 404 for it: ignored.
    expect(() => recordShareEvent('a5', 'chat')).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(requests).toEqual(['/share-events {"shortId":"a5","channel":"chat"}']);
  });
});
