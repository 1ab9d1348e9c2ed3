import type { LiveSession, LiveSessionReport } from '@shared/api/live';
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '@/api/client';
import { numberProblem } from '@/referral/referral-settings-form';
import {
  actOnLiveSession,
  createLiveSession,
  exportLiveReport,
  fetchLiveReport,
  fetchLiveSessionReport,
  fetchLiveSessions,
  fetchLiveSettings,
  saveLiveSettings,
} from './live-api';
import {
  ATTRIBUTION_WINDOW_BOUNDS,
  formFieldForServerField,
  formFieldForServerMessage,
  formValuesToInput,
  liveFieldProblem,
  livePriceProblem,
  liveSettingsRuleText,
  liveTimeOf,
  newLiveFormValues,
  productRowFor,
  REMINDER_LEAD_BOUNDS,
  sessionToFormValues,
  unitQuotaProblem,
  type LiveFormValues,
} from './live-form';
import { attributionLines, isQuietTimeline, plannedWindowText, sessionActions, sessionKpis, timelineOption, totalOrders } from './live-format';

const NOW = new Date('2026-12-06T02:10:30Z'); // 10:10:30 in China

const HOUKUI = { productId: 7, title: '太平猴魁', image: '/uploads/houkui.png' };
const MAOFENG = { productId: 9, title: '黄山毛峰', image: null };
const HOUKUI_DETAIL = {
  skus: [
    { id: 71, specValues: ['100g'], priceFen: 12800 },
    { id: 72, specValues: ['250g'], priceFen: 29800 },
  ],
} as Parameters<typeof productRowFor>[1] & object;
const MAOFENG_DETAIL = { skus: [{ id: 91, specValues: [], priceFen: 5200 }] } as Parameters<typeof productRowFor>[1] & object;

function filledForm(): LiveFormValues {
  const houkui = productRowFor(HOUKUI, HOUKUI_DETAIL);
  houkui.skus[1] = { ...houkui.skus[1], livePrice: '199.9', unitQuota: 10 };
  return {
    ...newLiveFormValues(NOW),
    title: ' 春茶开采直播 ',
    coverUrl: '/uploads/cover.png',
    finderUserName: ' sphAbc123 ',
    feedId: '',
    noticeId: 'notice_1',
    products: [houkui, productRowFor(MAOFENG, MAOFENG_DETAIL)],
  };
}

describe('直播 session form', () => {
  it('starts a new Channels session at the next full hour in China time, for two hours', () => {
    const values = newLiveFormValues(NOW);
    expect(values.provider).toBe('channels');
    expect(values.window![0].format('YYYY-MM-DD HH:mm:ss')).toBe('2026-12-06 11:00:00');
    expect(values.window![1].format('YYYY-MM-DD HH:mm')).toBe('2026-12-06 13:00');
  });

  it('sends the schedule as RFC 3339 with the China zone, whatever the browser zone', () => {
    expect(liveTimeOf(dayjs('2027-01-01 00:30'))).toBe('2027-01-01T00:30:00+08:00');
    expect(new Date(liveTimeOf(dayjs('2027-01-01 00:30'))).toISOString()).toBe('2026-12-31T16:30:00.000Z');
  });

  it('turns a Channels form into the request: trimmed text, blank ids null, products in order, live prices in fen', () => {
    expect(formValuesToInput(filledForm())).toEqual({
      title: '春茶开采直播',
      coverUrl: '/uploads/cover.png',
      provider: 'channels',
      finderUserName: 'sphAbc123',
      feedId: null,
      noticeId: 'notice_1',
      roomId: null,
      plannedStartAt: '2026-12-06T11:00:00+08:00',
      plannedEndAt: '2026-12-06T13:00:00+08:00',
      productIds: [7, 9],
      prices: [{ skuId: 72, livePriceFen: 19990, unitQuota: 10 }],
      couponTemplateId: null,
    });
  });

  it('sends only the room for 小程序直播 (the Channels fields typed before switching are left out) and no cover as null', () => {
    const input = formValuesToInput({ ...filledForm(), provider: 'plugin', roomId: 1001, coverUrl: '', couponTemplateId: 5 });
    expect(input).toMatchObject({ provider: 'plugin', roomId: 1001, finderUserName: null, feedId: null, noticeId: null, coverUrl: null, couponTemplateId: 5 });
  });

  it('round-trips a saved session: products by position, saved prices and units sold on their SKUs, a deleted product marked', () => {
    const saved = {
      ...formValuesToInput(filledForm()),
      id: 3,
      status: 'upcoming',
      products: [
        { ...MAOFENG, position: 1 },
        { ...HOUKUI, position: 0 },
        { productId: 11, title: '已下架的茶', image: null, position: 2 },
      ],
      prices: [{ skuId: 72, productId: 7, livePriceFen: 19990, unitQuota: 10, unitsTaken: 4 }],
    } as unknown as LiveSession;
    const values = sessionToFormValues(
      saved,
      new Map([
        [7, HOUKUI_DETAIL as never],
        [9, MAOFENG_DETAIL as never],
        [11, null],
      ]),
    );
    expect(values.products.map((row) => [row.productId, row.missing])).toEqual([
      [7, false],
      [9, false],
      [11, true],
    ]);
    expect(values.products[0].skus).toEqual([
      { skuId: 71, specText: '100g', listPriceFen: 12800, livePrice: '', unitQuota: 0, unitsTaken: 0 },
      { skuId: 72, specText: '250g', listPriceFen: 29800, livePrice: '199.90', unitQuota: 10, unitsTaken: 4 },
    ]);
    expect(values.window![0].format('YYYY-MM-DD HH:mm')).toBe('2026-12-06 11:00');
    values.products = values.products.slice(0, 2);
    expect(formValuesToInput(values)).toEqual(formValuesToInput(filledForm()));
  });

  it('refuses what the server refuses on live prices: zero, not below the list price, bad amounts; blank means no live price', () => {
    const sku = { listPriceFen: 12800 };
    expect(livePriceProblem({ ...sku, livePrice: '' })).toBeNull();
    expect(livePriceProblem({ ...sku, livePrice: '0' })).toBe('直播价必须大于 0');
    expect(livePriceProblem({ ...sku, livePrice: '128' })).toBe('直播价须低于售价 ¥128.00');
    expect(livePriceProblem({ ...sku, livePrice: '127.99' })).toBeNull();
    expect(livePriceProblem({ ...sku, livePrice: '1.234' })).toBe('请输入金额，最多两位小数，例如 19.90');
  });

  it('checks the quota of a priced SKU: whole units, 0 = 不限, not below the units already sold at the live price', () => {
    const sku = { livePrice: '99', unitsTaken: 4 };
    expect(unitQuotaProblem({ ...sku, unitQuota: 0 })).toBeNull();
    expect(unitQuotaProblem({ ...sku, unitQuota: 4 })).toBeNull();
    expect(unitQuotaProblem({ ...sku, unitQuota: 3 })).toBe('已按直播价售出 4 件，限量不能少于它');
    expect(unitQuotaProblem({ ...sku, unitQuota: 2.5 })).toBe('限量请输入整数');
    expect(unitQuotaProblem({ ...sku, unitQuota: -1 })).toBe('限量不能为负数');
    expect(unitQuotaProblem({ ...sku, unitQuota: null })).toBe('请填写限量，0 为不限');
    expect(unitQuotaProblem({ livePrice: '', unitsTaken: 0, unitQuota: null })).toBeNull();
  });

  it('checks the provider fields of the chosen provider only', () => {
    const channels = filledForm();
    expect(liveFieldProblem('finderUserName', { ...channels, finderUserName: ' ' })).toBe('请填写视频号 ID（sph 开头）');
    expect(liveFieldProblem('finderUserName', { ...channels, finderUserName: 'wx_abc' })).toMatch(/以 sph 开头/);
    expect(liveFieldProblem('finderUserName', { ...channels, finderUserName: 'sph 空格' })).toMatch(/只能包含字母、数字/);
    expect(liveFieldProblem('noticeId', { ...channels, noticeId: '预告' })).toMatch(/只能包含字母、数字/);
    expect(liveFieldProblem('feedId', { ...channels, feedId: '' })).toBeNull();
    expect(liveFieldProblem('roomId', channels)).toBeNull();
    const plugin = { ...channels, provider: 'plugin' as const, finderUserName: '', roomId: null };
    expect(liveFieldProblem('finderUserName', plugin)).toBeNull();
    expect(liveFieldProblem('roomId', plugin)).toBe('请填写小程序直播的直播间号');
    expect(liveFieldProblem('roomId', { ...plugin, roomId: 0 })).toBe('直播间号应为正整数');
    expect(liveFieldProblem('roomId', { ...plugin, roomId: 1001 })).toBeNull();
  });

  it('checks the title, the schedule order and an end still ahead, and the number of products', () => {
    const values = filledForm();
    expect(liveFieldProblem('title', { ...values, title: '  ' })).toBe('请输入直播标题');
    expect(liveFieldProblem('title', { ...values, title: '直'.repeat(61) })).toBe('直播标题最多 60 个字');
    const [start] = values.window!;
    expect(liveFieldProblem('window', { ...values, window: [start, start] }, NOW)).toBe('结束时间必须晚于开始时间');
    expect(liveFieldProblem('window', { ...values, window: [start.subtract(3, 'hour'), start.subtract(1, 'hour')] }, NOW)).toBe('结束时间必须晚于现在');
    expect(liveFieldProblem('window', { ...values, window: null }, NOW)).toBe('请选择计划开播和结束时间');
    const many = Array.from({ length: 51 }, (_, index) => ({ ...values.products[1], productId: index + 1 }));
    expect(liveFieldProblem('products', { ...values, products: many })).toBe('最多推荐 50 个商品');
    for (const field of ['title', 'finderUserName', 'feedId', 'noticeId', 'roomId', 'window', 'products'] as const) {
      expect(liveFieldProblem(field, values, NOW)).toBeNull();
    }
  });

  it('puts a server refusal beside its field: the n-th live price on its SKU row, the times on the schedule', () => {
    const values = filledForm();
    expect(formFieldForServerField('prices.0.livePriceFen', values)).toEqual(['products', 0, 'skus', 1, 'livePrice']);
    expect(formFieldForServerField('prices.0.unitQuota', values)).toEqual(['products', 0, 'skus', 1, 'unitQuota']);
    expect(formFieldForServerField('prices.5.livePriceFen', values)).toEqual(['products']);
    expect(formFieldForServerField('productIds', values)).toEqual(['products']);
    expect(formFieldForServerField('plannedEndAt', values)).toEqual(['window']);
    expect(formFieldForServerField('finderUserName', values)).toEqual(['finderUserName']);
    expect(formFieldForServerMessage('规格 72 的直播价 ¥300.00 必须低于售价 ¥298.00', values)).toEqual(['products', 0, 'skus', 1, 'livePrice']);
    expect(formFieldForServerMessage('商品 9 不存在或已删除', values)).toEqual(['products']);
    expect(formFieldForServerMessage('优惠券 3 不存在', values)).toEqual(['couponTemplateId']);
    expect(formFieldForServerMessage('直播已结束，不能再修改', values)).toBeNull();
  });

  it('bounds the settings: attribution window 1–168 hours, reminder 1–1440 minutes', () => {
    expect([0, 1, 168, 169].map((value) => numberProblem(value, ATTRIBUTION_WINDOW_BOUNDS))).toEqual([
      '归因窗口应在 1–168 小时 之间',
      null,
      null,
      '归因窗口应在 1–168 小时 之间',
    ]);
    expect([0, 1440, 1441].map((value) => numberProblem(value, REMINDER_LEAD_BOUNDS))).toEqual(['提前提醒应在 1–1440 分钟 之间', null, '提前提醒应在 1–1440 分钟 之间']);
    expect(liveSettingsRuleText({ attributionWindowHours: 24, reminderLeadMinutes: 10 })).toMatch(/24 小时内.*开播前 10 分钟/);
  });
});

describe('直播 list', () => {
  it('offers 开播 / 结束 only for Channels, 取消 only before the live, and read-only views to read roles and history', () => {
    expect(sessionActions({ status: 'upcoming', provider: 'channels' }, 'operator')).toEqual(['edit', 'start', 'cancel']);
    expect(sessionActions({ status: 'upcoming', provider: 'plugin' }, 'owner')).toEqual(['edit', 'cancel']);
    expect(sessionActions({ status: 'live', provider: 'channels' }, 'owner')).toEqual(['edit', 'end']);
    expect(sessionActions({ status: 'live', provider: 'plugin' }, 'owner')).toEqual(['edit']);
    expect(sessionActions({ status: 'ended', provider: 'channels' }, 'owner')).toEqual(['view']);
    expect(sessionActions({ status: 'cancelled', provider: 'channels' }, 'owner')).toEqual(['view']);
    expect(sessionActions({ status: 'upcoming', provider: 'channels' }, 'customer_service')).toEqual(['view']);
  });

  it('writes the planned schedule in China time, both dates only when it runs past midnight', () => {
    expect(plannedWindowText('2026-12-06T12:00:00Z', '2026-12-06T14:30:00Z')).toBe('2026-12-06 20:00 – 22:30');
    expect(plannedWindowText('2026-12-06T15:00:00Z', '2026-12-06T17:00:00Z')).toBe('2026-12-06 23:00 – 2026-12-07 01:00');
  });
});

const REPORT: LiveSessionReport = {
  sessionId: 3,
  title: '春茶开采直播',
  provider: 'channels',
  status: 'ended',
  plannedStartAt: '2026-12-06T12:00:00Z',
  startedAt: '2026-12-06T12:02:00Z',
  endedAt: '2026-12-06T14:00:00Z',
  clicks: 40,
  clickVisitors: 25,
  inboundLaunches: 6,
  inboundWithSharer: 2,
  reservations: 12,
  remindersSent: 9,
  byAttribution: {
    live_price: { orders: 3, gmvFen: 59970, refundedFen: 0 },
    inbound: { orders: 1, gmvFen: 12800, refundedFen: 12800 },
    assisted: { orders: 2, gmvFen: 10400, refundedFen: 0 },
  },
  newMembers: 5,
  returningBuyers: 2,
  attributionWindowHours: 24,
  topProducts: [{ productId: 7, title: '太平猴魁', units: 3, gmvFen: 59970 }],
  timeline: [
    { at: '2026-12-06T11:00:00Z', clicks: 0, inboundLaunches: 0, orders: 0, gmvFen: 0 },
    { at: '2026-12-06T12:00:00Z', clicks: 30, inboundLaunches: 5, orders: 4, gmvFen: 72770 },
  ],
  bucketMinutes: 60,
};

describe('直播 report', () => {
  it('writes orders and GMV per attribution, with refunds when there were any, and adds them up', () => {
    expect(attributionLines(REPORT, 'live_price')).toEqual(['3 单', '¥599.70']);
    expect(attributionLines(REPORT, 'inbound')).toEqual(['1 单', '¥128.00', '退款 ¥128.00']);
    expect(totalOrders(REPORT)).toEqual({ orders: 6, gmvFen: 83170 });
  });

  it('marks the inbound and assisted KPIs (and the total that includes them) as 推断, never the live-price one', () => {
    const kpis = sessionKpis(REPORT);
    expect(kpis.people.map((kpi) => [kpi.title, kpi.value, kpi.inferred])).toEqual([
      ['点击 / 访客', '40 / 25', false],
      ['直播间进店', '6', false],
      ['预约', '12', false],
      ['新会员', '5', false],
      ['回头客', '2', false],
    ]);
    expect(kpis.orders.map((kpi) => [kpi.title, kpi.value, kpi.hint, kpi.inferred])).toEqual([
      ['直播专享价下单', '¥599.70', '3 单', false],
      ['直播间进店（推断）', '¥128.00', '1 单，退款 ¥128.00', true],
      ['直播助攻（推断）', '¥104.00', '2 单', true],
      ['合计 GMV', '¥831.70', '6 单（含推断）', true],
    ]);
    expect(kpis.people.find((kpi) => kpi.key === 'reservations')!.hint).toBe('开播提醒已发 9 条');
  });

  it('charts the timeline in China time: three count series and GMV in yuan on the right axis', () => {
    const option = timelineOption(REPORT.timeline);
    expect((option.xAxis as { data: string[] }).data).toEqual(['19:00', '20:00']);
    const series = option.series as { name: string; data: number[]; yAxisIndex?: number }[];
    expect(series.map((item) => item.name)).toEqual(['点击', '直播间进店', '订单', 'GMV（元）']);
    expect(series[3]).toMatchObject({ data: [0, 727.7], yAxisIndex: 1 });
    expect((timelineOption([...REPORT.timeline, { ...REPORT.timeline[0], at: '2026-12-06T17:00:00Z' }]).xAxis as { data: string[] }).data[2]).toBe('12-07 01:00');
    // Events before the chart's start: one leading bar labelled 开播前, whatever its date.
    const withEarlier = [{ ...REPORT.timeline[0], clicks: 2, beforeStart: true as const }, ...REPORT.timeline];
    expect((timelineOption(withEarlier).xAxis as { data: string[] }).data).toEqual(['开播前', '19:00', '20:00']);
    expect(isQuietTimeline(withEarlier.slice(0, 2))).toBe(false);
    expect(isQuietTimeline(REPORT.timeline)).toBe(false);
    expect(isQuietTimeline([REPORT.timeline[0]])).toBe(true);
  });
});

describe('直播 API calls', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    // Signed out: the requests go without a token (the tests run in node, which has no localStorage).
    vi.stubGlobal('localStorage', { getItem: () => null });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

  it('calls the contract routes: the list by status, the actions, the reports, the CSV and the settings', async () => {
    const page = { items: [], total: 0, page: 1, pageSize: 20 };
    fetchMock.mockResolvedValueOnce(json(200, page));
    await fetchLiveSessions({ status: 'upcoming', page: 1, pageSize: 20 });
    fetchMock.mockResolvedValueOnce(json(200, { id: 3, status: 'live' }));
    await expect(actOnLiveSession(3, 'start')).resolves.toMatchObject({ status: 'live' });
    fetchMock.mockResolvedValueOnce(json(200, page));
    await fetchLiveReport({ from: '2026-11-07', to: '2026-12-06', page: 2, pageSize: 20 });
    fetchMock.mockResolvedValueOnce(new Response('场次,点击\n', { status: 200, headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E7%9B%B4%E6%92%AD.csv" } }));
    await expect(exportLiveReport({ from: '2026-11-07', to: '2026-12-06' })).resolves.toMatchObject({ filename: '直播.csv' });
    fetchMock.mockResolvedValueOnce(json(200, REPORT));
    await fetchLiveSessionReport(3);
    fetchMock.mockResolvedValueOnce(json(200, { attributionWindowHours: 24, reminderLeadMinutes: 10 }));
    await fetchLiveSettings();
    fetchMock.mockResolvedValueOnce(json(200, { attributionWindowHours: 48, reminderLeadMinutes: 15 }));
    await saveLiveSettings({ attributionWindowHours: 48, reminderLeadMinutes: 15 });
    expect(fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${url}`)).toEqual([
      'GET /api/v1/admin/live/sessions?status=upcoming&page=1&pageSize=20',
      'POST /api/v1/admin/live/sessions/3/start',
      'GET /api/v1/admin/live/report?from=2026-11-07&to=2026-12-06&page=2&pageSize=20',
      'GET /api/v1/admin/live/report.csv?from=2026-11-07&to=2026-12-06',
      'GET /api/v1/admin/live/sessions/3/report',
      'GET /api/v1/admin/live/settings',
      'PUT /api/v1/admin/live/settings',
    ]);
    expect(JSON.parse(fetchMock.mock.calls[6][1]!.body as string)).toEqual({ attributionWindowHours: 48, reminderLeadMinutes: 15 });
  });

  it('sends the session as JSON and hands back the server refusal with its fields', async () => {
    const input = formValuesToInput(filledForm());
    fetchMock.mockResolvedValueOnce(
      json(400, { code: 'VALIDATION_FAILED', message: 'finderUserName：视频号直播请填写视频号 ID（sph 开头）', details: [{ field: 'finderUserName', message: '视频号直播请填写视频号 ID（sph 开头）' }] }),
    );
    const error = await createLiveSession(input).catch((caught: unknown) => caught);
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual(input);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).fieldErrors).toEqual([{ field: 'finderUserName', message: '视频号直播请填写视频号 ID（sph 开头）' }]);
  });
});
