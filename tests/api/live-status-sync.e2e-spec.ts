import { In } from 'typeorm';
import type { LiveSessionStatus } from '../../shared';
import { LiveSessionRow } from '../../server/src/live/live-session.entity';
import { LiveStatusSyncSweeper } from '../../server/src/live/live-status-sync.sweeper';
import { startTestApp, TEST_DB, type TestApp } from './support/test-app';

const HOUR_MS = 3600_000;
const unix = (date: Date) => Math.floor(date.getTime() / 1000);

describe(`live.sync-sessions: statuses from the schedule and from 小程序直播 rooms (${TEST_DB})`, () => {
  let t: TestApp;
  let sweeper: LiveStatusSyncSweeper;

  beforeAll(async () => {
    t = await startTestApp();
    sweeper = t.app.get(LiveStatusSyncSweeper);
  });
  afterAll(() => t.close());

  const sessions = () => t.dataSource.getRepository(LiveSessionRow);

  async function session(fields: Partial<LiveSessionRow>): Promise<number> {
    const now = Date.now();
    const inserted = await sessions().insert({
      provider: 'channels',
      title: '直播',
      plannedStartAt: new Date(now + HOUR_MS),
      plannedEndAt: new Date(now + 3 * HOUR_MS),
      status: 'upcoming',
      finderUserName: 'sphDemo',
      ...fields,
    });
    return Number(inserted.identifiers[0].id);
  }

  const statusOf = async (id: number) => (await sessions().findOneByOrFail({ id })).status;
  const statuses = async (ids: number[]): Promise<LiveSessionStatus[]> => Promise.all(ids.map(statusOf));

  /** A plugin room in the fake WeChat and a session on it. */
  async function pluginSession(liveStatus: 101 | 102 | 103 | 104 | 105 | 106 | 107): Promise<{ id: number; roomId: number }> {
    const now = new Date();
    const room = t.fake.state.liveRooms.create({ name: '直播间', start_time: unix(now), end_time: unix(now) + 7200, live_status: liveStatus });
    return { id: await session({ provider: 'plugin', finderUserName: null, roomId: room.roomid }), roomId: room.roomid };
  }

  it('the fake getliveinfo speaks the protocol: token, body, start/limit bounds, errcode 1 without rooms, newest first with goods', async () => {
    type Answer = { errcode: number; total?: number; room_info: { roomid: number }[] };
    const raw = async (body: unknown, token = t.fake.state.stableToken(false).token) =>
      (await (await fetch(`${t.fake.url}/wxa/business/getliveinfo?access_token=${encodeURIComponent(token)}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) })).json()) as Answer;
    expect(await raw({ start: 0, limit: 10 })).toMatchObject({ errcode: 1, total: 0 });
    expect(await raw({ start: 0, limit: 10 }, 'not-a-token')).toMatchObject({ errcode: 40001 });
    expect(await raw('not json')).toMatchObject({ errcode: 47001 });
    expect(await raw({ start: 0, limit: 101 })).toMatchObject({ errcode: 40097 });
    expect(await raw({ start: -1, limit: 10 })).toMatchObject({ errcode: 40097 });
    const now = new Date();
    const goods = [{ goods_id: 1, name: '好茶', cover_img: 'https://example.com/tea.png', url: 'pages/goods/detail/index?id=1', price: 5900, price2: 0, price_type: 1 as const }];
    const older = t.fake.state.liveRooms.create({ name: '早场', start_time: unix(now) - 7200, end_time: unix(now) - 3600, live_status: 103 });
    const newer = t.fake.state.liveRooms.create({ name: '晚场', start_time: unix(now), end_time: unix(now) + 3600, live_status: 101, goods });
    const page = await raw({ start: 0, limit: 1 });
    expect(page).toMatchObject({ errcode: 0, total: 2, room_info: [{ roomid: newer.roomid, name: '晚场', live_status: 101, goods }] });
    expect((await raw({ start: 1, limit: 1 })).room_info.map((room) => room.roomid)).toEqual([older.roomid]);
    expect(await raw({ start: 2, limit: 1 })).toMatchObject({ errcode: 1, total: 2 });
  });

  it('moves Channels sessions by their schedule, once: a second run changes nothing', async () => {
    const now = Date.now();
    const later = await session({});
    const started = await session({ plannedStartAt: new Date(now - HOUR_MS), plannedEndAt: new Date(now + HOUR_MS) });
    const over = await session({ plannedStartAt: new Date(now - 3 * HOUR_MS), plannedEndAt: new Date(now - HOUR_MS) });
    const overWhileLive = await session({ status: 'live', plannedStartAt: new Date(now - 3 * HOUR_MS), plannedEndAt: new Date(now - HOUR_MS) });
    const cancelled = await session({ status: 'cancelled', plannedStartAt: new Date(now - HOUR_MS), plannedEndAt: new Date(now + HOUR_MS) });

    await sweeper.sweep(new Date(now));
    expect(await statuses([later, started, over, overWhileLive, cancelled])).toEqual(['upcoming', 'live', 'ended', 'ended', 'cancelled']);
    const rows = await sessions().findBy({});
    expect(rows.find((row) => row.id === started)!.startedAt).not.toBeNull();
    expect(rows.find((row) => row.id === over)!.endedAt).not.toBeNull();
    expect(rows.find((row) => row.id === later)!.startedAt).toBeNull();

    expect(await sweeper.sweep(new Date(now))).toBe(0);
    expect(await sessions().findBy({})).toEqual(rows);
  });

  it('moves plugin sessions by getliveinfo (101–107), records the code, never backwards, and a second run changes nothing', async () => {
    const codes = [101, 102, 103, 104, 105, 106, 107] as const;
    const made = [];
    for (const code of codes) made.push(await pluginSession(code));
    // A room WeChat does not list: the session keeps its status.
    const unknownRoom = await session({ provider: 'plugin', finderUserName: null, roomId: 999_999 });

    expect(await sweeper.sweep()).toBe(codes.length);
    expect(await statuses(made.map((entry) => entry.id))).toEqual(['live', 'upcoming', 'ended', 'ended', 'live', 'live', 'ended']);
    expect((await sessions().findBy({ id: In(made.map((entry) => entry.id)) })).map((row) => row.providerStatusCode).sort()).toEqual([...codes]);
    expect(await statusOf(unknownRoom)).toBe('upcoming');
    const rows = await sessions().findBy({});
    expect(await sweeper.sweep()).toBe(0);
    expect(await sessions().findBy({})).toEqual(rows);

    // The anchor ends the live room: ended. The not-started room goes live, then reports 未开始 again: stays live.
    const [onAir, notStarted] = made;
    // Through the tester endpoint, as a browser test or the local demo would.
    const setStatus = (roomId: number | string, body: unknown) => fetch(`${t.fake.url}/fake/live/rooms/${roomId}/status`, { method: 'POST', body: JSON.stringify(body) });
    expect((await setStatus(onAir.roomId, { live_status: 103 })).status).toBe(200);
    expect((await setStatus(onAir.roomId, { live_status: 108 })).status).toBe(400);
    expect((await setStatus(999_999, { live_status: 101 })).status).toBe(404);
    t.fake.state.liveRooms.setStatus(notStarted.roomId, 101);
    expect(await sweeper.sweep()).toBe(2);
    expect(await statuses([onAir.id, notStarted.id])).toEqual(['ended', 'live']);
    t.fake.state.liveRooms.setStatus(notStarted.roomId, 102);
    expect(await sweeper.sweep()).toBe(1); // the code is recorded, the status is not moved back
    const row = await sessions().findOneByOrFail({ id: notStarted.id });
    expect([row.status, row.providerStatusCode]).toEqual(['live', 102]);
  });

  it('creates rooms through the tester endpoint, refusing bad input', async () => {
    const create = async (body: unknown) => {
      const response = await fetch(`${t.fake.url}/fake/live/rooms`, { method: 'POST', body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as { roomid?: number; live_status?: number } };
    };
    const start = unix(new Date());
    const created = await create({ name: '新品直播', start_time: start, end_time: start + 3600 });
    expect(created).toMatchObject({ status: 200, body: { live_status: 102 } });
    expect((await create({ name: '', start_time: start, end_time: start + 3600 })).status).toBe(400);
    expect((await create({ name: '反了', start_time: start, end_time: start - 1 })).status).toBe(400);
    expect((await create({ name: '状态错', start_time: start, end_time: start + 1, live_status: 100 })).status).toBe(400);
    const id = await session({ provider: 'plugin', finderUserName: null, roomId: created.body.roomid! });
    await sweeper.sweep();
    expect((await sessions().findOneByOrFail({ id })).providerStatusCode).toBe(102);
  });

  it('pages through getliveinfo to find an older room', async () => {
    const old = await pluginSession(101);
    const now = new Date();
    for (let index = 0; index < 120; index++) {
      t.fake.state.liveRooms.create({ name: `新直播间 ${index}`, start_time: unix(now) + 600 + index, end_time: unix(now) + 7200 });
    }
    await sweeper.sweep();
    expect(await statusOf(old.id)).toBe('live');
  });
});
