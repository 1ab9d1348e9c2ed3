import { In } from 'typeorm';
import type { LiveReservation, LiveSession, SubscribeTemplate } from '../../shared';
import { MemberCouponRow } from '../../server/src/coupons/member-coupon.entity';
import { LiveReminderSweeper } from '../../server/src/live/live-reminder.sweeper';
import { LiveReservationRow } from '../../server/src/live/live-reservation.entity';
import { LiveSessionRow } from '../../server/src/live/live-session.entity';
import { LiveSettingsService } from '../../server/src/live/live-settings.service';
import { PointsLedgerRow } from '../../server/src/loyalty/points-ledger.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { chinaMinute } from '../../server/src/subscribe-messages/subscribe-messages.service';
import { SubscribeQuotaRow } from '../../server/src/subscribe-messages/subscribe-quota.entity';
import { LiveSessionFixtures, memberIdOf } from './support/live-shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

const MINUTE_MS = 60_000;

/** 预约 and the 直播开播提醒 sweep: one row per member and session, one reminder per acceptance, at its time, never twice. */
describe(`live reservations and reminders (${TEST_DB})`, () => {
  let t: TestApp;
  let live: LiveSessionFixtures;
  let sweeper: LiveReminderSweeper;
  let reminderTemplateId: string;
  let people = 0;

  beforeAll(async () => {
    t = await startTestApp();
    live = new LiveSessionFixtures(t, await staffToken(t, 'operator'));
    sweeper = t.app.get(LiveReminderSweeper);
    const templates: SubscribeTemplate[] = (await t.api().get(`${API}/subscribe-templates`).expect(200)).body;
    reminderTemplateId = templates.find((template) => template.kind === 'live_reminder')!.templateId;
  });
  afterAll(() => t.close());

  const shopper = () => memberToken(t, `live-fan-${++people}`);
  const reserve = (id: number, token: string, body: object) => t.api().post(`${API}/live/sessions/${id}/reservations`).set(bearer(token)).send(body);
  /** What the storefront reports after requestSubscribeMessage: the member's quota for the reminder template grows by one. */
  const acceptReminder = (token: string) => t.api().post(`${API}/me/subscriptions`).set(bearer(token)).send({ answers: [{ templateId: reminderTemplateId, accepted: true }] }).expect(204);
  /** A fan who accepted the reminder (quota 1) and reserved with it. */
  async function acceptingFan(session: LiveSession): Promise<string> {
    const token = await shopper();
    await acceptReminder(token);
    await reserve(session.id, token, { subscribeAccepted: true }).expect(200);
    return token;
  }
  const remindersTo = (session: LiveSession) =>
    t.fake.state.subscribeMessages.filter((message) => message.templateId === reminderTemplateId && message.page === `pages/live/session/index?id=${session.id}`);
  const rowsOf = (session: LiveSession) => t.dataSource.getRepository(LiveReservationRow).find({ where: { sessionId: session.id }, order: { id: 'ASC' } });
  const startOf = (session: LiveSession) => new Date(session.plannedStartAt).getTime();

  it('10 parallel reservations of one member end in one row; a later acceptance moves none → waiting, a Channels reservation is kept', async () => {
    const session = await live.create({ noticeId: 'notice-1' });
    const token = await shopper();
    const responses = await Promise.all(Array.from({ length: 10 }, (_, index) => reserve(session.id, token, { subscribeAccepted: false, channelsReserveState: index % 2 ? 6 : 9 })));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    const rows = await rowsOf(session);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(expect.objectContaining({ memberId: memberIdOf(token), reminderState: 'none', channelsReserved: true, remindedAt: null }));

    const again: LiveReservation = (await reserve(session.id, token, { subscribeAccepted: true, channelsReserveState: 7 }).expect(200)).body;
    expect(again).toEqual({ sessionId: session.id, reminderState: 'waiting', channelsReserved: true, createdAt: rows[0].createdAt.toISOString() });
    // Declining later does not take the accepted reminder back.
    expect((await reserve(session.id, token, { subscribeAccepted: false }).expect(200)).body.reminderState).toBe('waiting');
    expect((await t.api().get(`${API}/live/sessions/${session.id}`).set(bearer(token)).expect(200)).body.reservation).toEqual(again);
    expect(await rowsOf(session)).toHaveLength(1);
  });

  it('10 parallel first reservations with the acceptance: one row, waiting', async () => {
    const session = await live.create();
    const token = await shopper();
    const responses = await Promise.all(Array.from({ length: 10 }, (_, index) => reserve(session.id, token, { subscribeAccepted: index % 3 === 0 })));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect((await rowsOf(session)).map((row) => row.reminderState)).toEqual(['waiting']);
  });

  it('refuses a reservation of an ended, cancelled or unknown session, bad input and visitors', async () => {
    const token = await shopper();
    const ended = await live.create();
    await live.act(ended.id, 'start');
    await live.act(ended.id, 'end');
    expectApiError((await reserve(ended.id, token, { subscribeAccepted: true }).expect(409)).body, 'LIVE_SESSION_STATE_CONFLICT');
    const cancelled = await live.create();
    await live.act(cancelled.id, 'cancel');
    expectApiError((await reserve(cancelled.id, token, { subscribeAccepted: true }).expect(409)).body, 'LIVE_SESSION_STATE_CONFLICT');
    expectApiError((await reserve(999999, token, { subscribeAccepted: true }).expect(404)).body, 'LIVE_SESSION_NOT_FOUND');
    const open = await live.create();
    for (const body of [{}, { subscribeAccepted: 'yes' }, { subscribeAccepted: true, channelsReserveState: 99 }, { subscribeAccepted: true, extra: 1 }]) {
      expectApiError((await reserve(open.id, token, body).expect(400)).body, 'VALIDATION_FAILED');
    }
    await t.api().post(`${API}/live/sessions/${open.id}/reservations`).send({ subscribeAccepted: true }).expect(401);
    expect(await rowsOf(ended)).toHaveLength(0);
    expect(await rowsOf(open)).toHaveLength(0);
  });

  it('sends the reminder once per acceptance at the lead before the start, not earlier, not to members who did not accept', async () => {
    const { reminderLeadMinutes } = await t.app.get(LiveSettingsService).get();
    const session = await live.create({ title: '周五晚八点 · 新茶品鉴直播间（很长的标题会被截断到二十字）' });
    const fans = await Promise.all([acceptingFan(session), acceptingFan(session)]);
    // Declined the template: reserved without a reminder.
    const decliner = await shopper();
    await reserve(session.id, decliner, { subscribeAccepted: false }).expect(200);
    // Said it accepted but its quota never reached the server (the storefront's report was lost): not sent.
    const withoutQuota = await shopper();
    await reserve(session.id, withoutQuota, { subscribeAccepted: true }).expect(200);

    const leadAt = startOf(session) - reminderLeadMinutes * MINUTE_MS;
    // (Sessions of the other cases may be due too: each case checks its own session's rows and messages.)
    await sweeper.sweep(new Date(leadAt - MINUTE_MS));
    expect(remindersTo(session)).toHaveLength(0);
    expect((await rowsOf(session)).map((row) => row.reminderState)).toEqual(['waiting', 'waiting', 'none', 'waiting']);

    expect(await sweeper.sweep(new Date(leadAt + 1000))).toBeGreaterThanOrEqual(3);
    const sent = remindersTo(session);
    const openids = await t.dataSource.getRepository(MemberRow).find({ where: { id: In(fans.map(memberIdOf)) } });
    expect(sent.map((message) => message.touser).sort()).toEqual(openids.map((member) => member.openid).sort());
    expect(sent[0].data).toEqual({
      thing1: { value: '周五晚八点 · 新茶品鉴直播间（很长的标' },
      time2: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/) },
      thing3: { value: '直播即将开始，点击进入直播间' },
    });
    const rows = await rowsOf(session);
    expect(rows.map((row) => row.reminderState)).toEqual(['sent', 'sent', 'none', 'not_sent']);
    expect(rows.filter((row) => row.reminderState !== 'none').every((row) => row.remindedAt !== null)).toBe(true);
    // Each acceptance was used once.
    const quotas = await t.dataSource.getRepository(SubscribeQuotaRow).findBy({ memberId: In(fans.map(memberIdOf)), templateId: reminderTemplateId });
    expect(quotas.map((quota) => quota.remaining)).toEqual([0, 0]);

    // Later runs, even at the start, find nothing more to send.
    await sweeper.sweep(new Date(startOf(session) + MINUTE_MS));
    expect(remindersTo(session)).toHaveLength(2);
    expect((await rowsOf(session)).map((row) => row.reminderState)).toEqual(['sent', 'sent', 'none', 'not_sent']);
  });

  it('reminds at once for a session staff start before its planned start, saying it has begun', async () => {
    const session = await live.create({ startsInMs: 6 * 60 * MINUTE_MS });
    await acceptingFan(session);
    const now = new Date();
    await sweeper.sweep(now);
    expect(remindersTo(session)).toHaveLength(0);
    await live.act(session.id, 'start');
    await sweeper.sweep(now);
    expect(remindersTo(session).map((message) => message.data.thing3)).toEqual([{ value: '直播已开始，点击进入直播间' }]);
    // The time is when it began, not the planned start six hours later.
    const { startedAt } = await t.dataSource.getRepository(LiveSessionRow).findOneByOrFail({ id: session.id });
    expect(remindersTo(session).map((message) => message.data.time2)).toEqual([{ value: chinaMinute(startedAt!) }]);
    expect((await rowsOf(session)).map((row) => row.reminderState)).toEqual(['sent']);
  });

  it('a reminder WeChat refuses is not_sent, not retried, and the member keeps the quota unit', async () => {
    const session = await live.create();
    const fan = await acceptingFan(session);
    // The template was removed in the mini-program's console: WeChat answers 40037.
    t.fake.state.subscribeTemplateIds.delete(reminderTemplateId);
    try {
      await sweeper.sweep(new Date(startOf(session) - MINUTE_MS));
    } finally {
      t.fake.state.subscribeTemplateIds.add(reminderTemplateId);
    }
    expect((await rowsOf(session)).map((row) => row.reminderState)).toEqual(['not_sent']);
    await sweeper.sweep(new Date(startOf(session) - MINUTE_MS));
    expect(remindersTo(session)).toHaveLength(0);
    const quota = await t.dataSource.getRepository(SubscribeQuotaRow).findOneByOrFail({ memberId: memberIdOf(fan), templateId: reminderTemplateId });
    expect(quota.remaining).toBe(1);
  });

  it('never twice: two sweeps in parallel and again afterwards send each waiting reminder once', async () => {
    const session = await live.create();
    const fans = await Promise.all(Array.from({ length: 12 }, () => acceptingFan(session)));
    const at = new Date(startOf(session) - MINUTE_MS);
    await Promise.all([sweeper.sweep(at), sweeper.sweep(at), sweeper.sweep(at)]);
    await sweeper.sweep(at);
    expect(remindersTo(session)).toHaveLength(fans.length);
    expect(new Set(remindersTo(session).map((message) => message.touser)).size).toBe(fans.length);
    expect((await rowsOf(session)).every((row) => row.reminderState === 'sent')).toBe(true);
  });

  // Two instances in ONE process: on SQLite the second connection's wait for the file lock would block the event loop
  // the first needs to finish (better-sqlite3 waits synchronously), so this runs on MariaDB, where instances share a database.
  (TEST_DB === 'mariadb' ? it : it.skip)('never twice across two app instances on one database sweeping at once', async () => {
    const second = await startTestApp({ database: t.database });
    try {
      const session = await live.create();
      const identities = Array.from({ length: 8 }, () => `live-fan-${++people}`);
      for (const identity of identities) {
        const token = await memberToken(t, identity);
        // The second instance's WeChat knows the member too (the same openid), as the real one would.
        await memberToken(second, identity);
        await acceptReminder(token);
        await reserve(session.id, token, { subscribeAccepted: true }).expect(200);
      }
      const at = new Date(startOf(session) - MINUTE_MS);
      await Promise.all([sweeper.sweep(at), second.app.get(LiveReminderSweeper).sweep(at), sweeper.sweep(at), second.app.get(LiveReminderSweeper).sweep(at)]);
      const page = `pages/live/session/index?id=${session.id}`;
      const received = [...t.fake.state.subscribeMessages, ...second.fake.state.subscribeMessages].filter((message) => message.page === page);
      expect(received).toHaveLength(identities.length);
      expect(new Set(received.map((message) => message.touser)).size).toBe(identities.length);
      expect((await rowsOf(session)).map((row) => row.reminderState)).toEqual(Array(identities.length).fill('sent'));
    } finally {
      await second.close({ keepDatabase: true });
    }
  });

  it('never for a cancelled session, nor after the planned end', async () => {
    const cancelled = await live.create();
    await acceptingFan(cancelled);
    await live.act(cancelled.id, 'cancel');
    await sweeper.sweep(new Date(startOf(cancelled) - MINUTE_MS));
    expect(remindersTo(cancelled)).toHaveLength(0);
    expect((await rowsOf(cancelled)).map((row) => row.reminderState)).toEqual(['waiting']);

    const missed = await live.create();
    await acceptingFan(missed);
    await sweeper.sweep(new Date(new Date(missed.plannedEndAt).getTime() + MINUTE_MS));
    expect(remindersTo(missed)).toHaveLength(0);
    expect((await rowsOf(missed)).map((row) => row.reminderState)).toEqual(['waiting']);
  });

  it('reserving grants nothing: the member’s points and coupons are unchanged', async () => {
    const session = await live.create({ noticeId: 'notice-2' });
    const token = await shopper();
    const memberId = memberIdOf(token);
    const standing = async () => ({
      points: (await t.dataSource.getRepository(MemberRow).findOneByOrFail({ id: memberId })).pointsBalance,
      ledger: await t.dataSource.getRepository(PointsLedgerRow).countBy({ memberId }),
      coupons: await t.dataSource.getRepository(MemberCouponRow).countBy({ memberId }),
    });
    const before = await standing();
    await reserve(session.id, token, { subscribeAccepted: true, channelsReserveState: 6 }).expect(200);
    await live.act(session.id, 'start');
    await t.api().get(`${API}/live/sessions/${session.id}`).set(bearer(token)).expect(200);
    expect(await standing()).toEqual(before);
  });
});
