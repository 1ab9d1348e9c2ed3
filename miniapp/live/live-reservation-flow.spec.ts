import type { LiveReservation, LiveReservationRequest, ShopperLiveSession } from '@shared/api/live';
import { offersReminder, reserveOrRemind, type ReservationSteps } from './live-reservation-flow';

function liveSession(overrides: Partial<ShopperLiveSession> = {}): ShopperLiveSession {
  return {
    id: 7,
    title: '新品直播',
    coverUrl: null,
    provider: 'channels',
    status: 'upcoming',
    statusLabel: '未开始',
    plannedStartAt: '2026-12-07T12:00:00.000Z',
    plannedEndAt: '2026-12-07T14:00:00.000Z',
    startedAt: null,
    endedAt: null,
    productCount: 0,
    finderUserName: 'sph_shop',
    feedId: null,
    noticeId: null,
    roomId: null,
    products: [],
    coupon: null,
    reservation: null,
    ...overrides,
  };
}

function reservation(reminderState: LiveReservation['reminderState'], channelsReserved = false): LiveReservation {
  return { sessionId: 7, reminderState, channelsReserved, createdAt: '2026-12-06T10:00:00.000Z' };
}

/** The platform and API as a weapp member with the reminder template sees them; `accepts` is their answer to the sheet. */
function weapp(accepts: boolean, overrides: Partial<ReservationSteps> = {}) {
  const calls = { asked: 0, channels: [] as string[], saved: [] as LiveReservationRequest[] };
  const steps: ReservationSteps = {
    hasSubscribeSheet: true,
    canAskReminder: true,
    askReminder: async () => {
      calls.asked += 1;
      return accepts;
    },
    reserveChannelsLive: async (noticeId) => {
      calls.channels.push(noticeId);
      return 6;
    },
    // As the server answers: an acceptance moves the reminder from none to waiting, never back.
    saveReservation: async (_sessionId, request) => {
      calls.saved.push(request);
      return reservation(request.subscribeAccepted ? 'waiting' : 'none', request.channelsReserveState === 6);
    },
    ...overrides,
  };
  return { steps, calls };
}

describe('开启提醒 is offered to a reserved member', () => {
  it('only when no reminder will come and the sheet can ask', () => {
    expect(offersReminder(reservation('none'), true)).toBe(true);
    expect(offersReminder(reservation('none'), false)).toBe(false);
    expect(offersReminder(reservation('none', true), true)).toBe(false);
    for (const state of ['waiting', 'sent', 'not_sent'] as const) expect(offersReminder(reservation(state), true)).toBe(false);
  });
});

describe('预约 and 开启提醒', () => {
  it('reserves with the reminder the member accepted, and WeChat’s Channels 预约 when the session has a notice id', async () => {
    const { steps, calls } = weapp(true);
    const outcome = await reserveOrRemind(liveSession({ noticeId: 'notice-1' }), steps);
    expect(calls).toEqual({ asked: 1, channels: ['notice-1'], saved: [{ subscribeAccepted: true, channelsReserveState: 6 }] });
    expect(outcome).toEqual({ reservation: reservation('waiting', true), toast: '已预约，开播前会提醒你' });
  });

  it('reserves without a reminder when the member declines the sheet', async () => {
    const { steps, calls } = weapp(false);
    const outcome = await reserveOrRemind(liveSession(), steps);
    expect(calls.saved).toEqual([{ subscribeAccepted: false }]);
    expect(outcome.toast).toBe('已预约（未开启开播提醒）');
  });

  it('asks again for a member who reserved without a reminder, and reserves again when they accept', async () => {
    const { steps, calls } = weapp(true);
    const outcome = await reserveOrRemind(liveSession({ noticeId: 'notice-1', reservation: reservation('none') }), steps);
    // Only the reminder is new: WeChat's Channels 预约 is not asked again.
    expect(calls).toEqual({ asked: 1, channels: [], saved: [{ subscribeAccepted: true }] });
    expect(outcome).toEqual({ reservation: reservation('waiting'), toast: '已开启，开播前会提醒你' });
  });

  it('keeps the reservation as it was when the member declines again', async () => {
    const { steps, calls } = weapp(false);
    const outcome = await reserveOrRemind(liveSession({ reservation: reservation('none') }), steps);
    expect(calls).toEqual({ asked: 1, channels: [], saved: [] });
    expect(outcome).toEqual({ reservation: reservation('none'), toast: '未开启开播提醒' });
  });

  it('asks nothing of a member whose reminder waits, went out, or comes from Channels, nor where the sheet cannot ask', async () => {
    const cases: [LiveReservation, Partial<ReservationSteps>][] = [
      [reservation('waiting'), {}],
      [reservation('sent'), {}],
      [reservation('not_sent'), {}],
      [reservation('none', true), {}],
      // H5, or weapp without the shop's reminder template.
      [reservation('none'), { hasSubscribeSheet: false, canAskReminder: false }],
      [reservation('none'), { canAskReminder: false }],
    ];
    for (const [existing, platform] of cases) {
      const { steps, calls } = weapp(true, platform);
      const outcome = await reserveOrRemind(liveSession({ reservation: existing }), steps);
      expect(calls).toEqual({ asked: 0, channels: [], saved: [] });
      expect(outcome).toEqual({ reservation: existing, toast: '你已预约过这场直播' });
    }
  });

  it('never words a reservation or a reminder as earning anything', async () => {
    const toasts: string[] = [];
    for (const accepts of [true, false]) {
      for (const existing of [null, reservation('none'), reservation('waiting')]) {
        toasts.push((await reserveOrRemind(liveSession({ reservation: existing }), weapp(accepts).steps)).toast);
      }
    }
    for (const toast of toasts) expect(toast).not.toMatch(/奖|赠|领取|积分|券|红包|福利/);
  });
});
