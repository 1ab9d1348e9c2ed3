import type { LiveFeaturedProduct, LiveSchedule, ShopperLiveProduct, ShopperLiveSessionCard } from '@shared/api/live';
import {
  bannerSession,
  canWatch,
  coverPlaceholderCaption,
  defaultScheduleTab,
  featuredByProduct,
  featuredPrice,
  liveBadgeOf,
  liveCouponButton,
  reservationText,
  reservedToast,
  scheduleSections,
  sessionTimeText,
  watchInWeChatText,
} from './live-view';

function card(id: number, status: ShopperLiveSessionCard['status']): ShopperLiveSessionCard {
  return {
    id,
    title: `直播 ${id}`,
    coverUrl: null,
    provider: 'channels',
    status,
    statusLabel: status,
    plannedStartAt: '2026-12-06T12:00:00.000Z',
    plannedEndAt: '2026-12-06T14:00:00.000Z',
    startedAt: status === 'upcoming' ? null : '2026-12-06T12:05:00.000Z',
    endedAt: status === 'ended' ? '2026-12-06T13:30:00.000Z' : null,
    productCount: 2,
  };
}

const empty: LiveSchedule = { live: [], upcoming: [], past: [] };

describe('the 直播 page schedule', () => {
  it('has the three tabs in order, each with its sessions in the server order and a count', () => {
    const schedule: LiveSchedule = { live: [card(1, 'live')], upcoming: [card(2, 'upcoming'), card(3, 'upcoming')], past: [] };
    const sections = scheduleSections(schedule);
    expect(sections.map((section) => section.title)).toEqual(['正在直播', '直播预告', '往期回顾']);
    expect(sections.map((section) => section.label)).toEqual(['正在直播 (1)', '直播预告 (2)', '往期回顾']);
    expect(sections[1].sessions.map((session) => session.id)).toEqual([2, 3]);
    expect(sections[2].emptyText).toBe('还没有往期直播');
  });

  it('opens on what is live, else what is coming, else the past', () => {
    expect(defaultScheduleTab({ ...empty, live: [card(1, 'live')], upcoming: [card(2, 'upcoming')] })).toBe('live');
    expect(defaultScheduleTab({ ...empty, upcoming: [card(2, 'upcoming')], past: [card(3, 'ended')] })).toBe('upcoming');
    expect(defaultScheduleTab({ ...empty, past: [card(3, 'ended')] })).toBe('past');
    expect(defaultScheduleTab(empty)).toBe('live');
  });

  it('puts the first live session on the home banner, none when nothing is live', () => {
    expect(bannerSession({ ...empty, live: [card(4, 'live'), card(5, 'live')] })?.id).toBe(4);
    expect(bannerSession({ ...empty, upcoming: [card(2, 'upcoming')] })).toBeNull();
  });

  it('says when a session runs', () => {
    expect(sessionTimeText(card(1, 'upcoming'))).toMatch(/^预计 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 开播$/);
    expect(sessionTimeText(card(1, 'live'))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:05 开播$/);
    expect(sessionTimeText(card(1, 'ended'))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:05 – \d{4}-\d{2}-\d{2} \d{2}:30$/);
  });
});

describe('the live badge of a product', () => {
  const featured = featuredByProduct([
    { productId: 10, sessionId: 1, status: 'live', livePriceFen: 8900, skuLivePrices: [] },
    { productId: 11, sessionId: 1, status: 'live', livePriceFen: null, skuLivePrices: [] },
    { productId: 12, sessionId: 2, status: 'upcoming', livePriceFen: null, skuLivePrices: [] },
    // A repeat is not expected from the server; the first entry stands.
    { productId: 12, sessionId: 3, status: 'live', livePriceFen: 100, skuLivePrices: [] },
  ] satisfies LiveFeaturedProduct[]);

  it('is 直播中 with the 直播专享价 while the session is live and sells the product at a live price', () => {
    expect(liveBadgeOf(featured, 10)).toEqual({ sessionId: 1, tone: 'live', label: '直播中', priceText: '直播专享价 ¥89.00' });
  });

  it('is 直播中 without a price when the live sells the product at its list price', () => {
    expect(liveBadgeOf(featured, 11)).toEqual({ sessionId: 1, tone: 'live', label: '直播中', priceText: null });
  });

  it('is 直播预告 (never a price) for an upcoming session', () => {
    expect(liveBadgeOf(featured, 12)).toEqual({ sessionId: 2, tone: 'upcoming', label: '直播预告', priceText: null });
  });

  it('is none for a product no session features, or before the featured list has loaded', () => {
    expect(liveBadgeOf(featured, 99)).toBeNull();
    expect(liveBadgeOf(null, 10)).toBeNull();
  });
});

describe('a featured product price on the session page', () => {
  const product: ShopperLiveProduct = { productId: 1, title: '茶', image: null, priceFen: 12800, livePriceFen: 9900, soldOut: false };

  it('is the 直播专享价 only while the session is live', () => {
    expect(featuredPrice(product, true)).toEqual({ fen: 9900, live: true });
    expect(featuredPrice(product, false)).toEqual({ fen: 12800, live: false });
  });

  it('is the list price when there is no live price, or it is not below the list price', () => {
    expect(featuredPrice({ ...product, livePriceFen: null }, true)).toEqual({ fen: 12800, live: false });
    expect(featuredPrice({ ...product, livePriceFen: 12800 }, true)).toEqual({ fen: 12800, live: false });
  });
});

describe('the H5 screen behind 观看', () => {
  it('sends a live to WeChat to watch it', () => {
    expect(watchInWeChatText('live')).toEqual({
      title: '请在微信中打开观看直播',
      text: '网页版无法播放直播。请在微信中打开本店小程序，进入「直播」观看这场直播。',
    });
  });

  it('speaks of the replay for an ended session, and of the start for an upcoming one', () => {
    expect(watchInWeChatText('ended').title).toBe('请在微信中打开查看回放');
    expect(watchInWeChatText('ended').text).toContain('回放');
    expect(watchInWeChatText('upcoming').title).toBe('开播后请在微信中观看');
    expect(watchInWeChatText('upcoming').text).toContain('还没开始');
    for (const status of ['ended', 'upcoming'] as const) expect(watchInWeChatText(status).text).not.toContain('观看这场直播');
  });
});

describe('a session\'s placeholder cover', () => {
  it('says in Chinese where the session stands', () => {
    expect(coverPlaceholderCaption('live')).toBe('正在直播');
    expect(coverPlaceholderCaption('upcoming')).toBe('即将开播');
    expect(coverPlaceholderCaption('ended')).toBe('往期回顾');
  });
});

describe('what 预约 tells the shopper', () => {
  it('on H5 (no subscribe sheet): reserved, and reminders are turned on in WeChat', () => {
    expect(reservedToast(false, false, null)).toBe('已预约，请在微信中开启提醒');
  });

  it('on weapp: a reminder when the template was accepted, or when Channels reserved it; else none is promised', () => {
    expect(reservedToast(true, true, null)).toBe('已预约，开播前会提醒你');
    expect(reservedToast(true, false, 6)).toBe('已预约，视频号会在开播时提醒你');
    expect(reservedToast(true, false, 8)).toBe('已预约，视频号会在开播时提醒你');
    expect(reservedToast(true, false, 9)).toBe('已预约（未开启开播提醒）');
    expect(reservedToast(true, false, null)).toBe('已预约（未开启开播提醒）');
  });

  it('never words a reservation as earning anything', () => {
    const texts = [
      reservedToast(false, false, null),
      reservedToast(true, true, null),
      reservedToast(true, false, 6),
      reservedToast(true, false, null),
      ...(['none', 'waiting', 'sent', 'not_sent'] as const).flatMap((reminderState) => [
        reservationText({ reminderState, channelsReserved: false }),
        reservationText({ reminderState, channelsReserved: true }),
      ]),
    ];
    for (const text of texts) expect(text).not.toMatch(/奖|赠|领取|积分|券|红包|福利/);
  });

  it('says what became of the reminder', () => {
    expect(reservationText({ reminderState: 'waiting', channelsReserved: false })).toBe('已预约 · 开播前会提醒你');
    expect(reservationText({ reminderState: 'sent', channelsReserved: false })).toBe('已预约 · 开播提醒已发送');
    expect(reservationText({ reminderState: 'none', channelsReserved: true })).toBe('已预约 · 视频号会在开播时提醒你');
    expect(reservationText({ reminderState: 'not_sent', channelsReserved: false })).toBe('已预约');
  });
});

describe('观看 on the session page', () => {
  it('is offered while live and after, and before the start only for a plugin room (Channels would open an older live)', () => {
    expect(canWatch({ status: 'live', provider: 'channels' })).toBe(true);
    expect(canWatch({ status: 'ended', provider: 'channels' })).toBe(true);
    expect(canWatch({ status: 'upcoming', provider: 'channels' })).toBe(false);
    expect(canWatch({ status: 'upcoming', provider: 'plugin' })).toBe(true);
  });
});

describe('the live coupon button', () => {
  it('is 领取 while the coupon can be claimed, 已领取 once the member holds their limit', () => {
    expect(liveCouponButton({ claimable: true, claimedUp: false })).toEqual({ label: '领取', enabled: true });
    expect(liveCouponButton({ claimable: false, claimedUp: true })).toEqual({ label: '已领取', enabled: false });
    expect(liveCouponButton({ claimable: false, claimedUp: true, unavailableReason: 'sold_out' })).toEqual({ label: '已领取', enabled: false });
  });

  it('says why it cannot be claimed, as the server tells it: 已抢光 only when sold out', () => {
    expect(liveCouponButton({ claimable: false, claimedUp: false, unavailableReason: 'not_live' })).toEqual({ label: '开播后可领', enabled: false });
    expect(liveCouponButton({ claimable: false, claimedUp: false, unavailableReason: 'sold_out' })).toEqual({ label: '已抢光', enabled: false });
    expect(liveCouponButton({ claimable: false, claimedUp: false, unavailableReason: 'unavailable' })).toEqual({ label: '暂不可领', enabled: false });
    expect(liveCouponButton({ claimable: false, claimedUp: false, unavailableReason: 'ended' })).toEqual({ label: '已结束', enabled: false });
  });

  it('is 暂不可领, never 已抢光, when no reason is given', () => {
    expect(liveCouponButton({ claimable: false, claimedUp: false })).toEqual({ label: '暂不可领', enabled: false });
  });
});
