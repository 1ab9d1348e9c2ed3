import type { GroupBuyCampaign, GroupBuyCampaignStats } from '@shared/api/group-buy';
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '@/api/client';
import { numberProblem } from '@/referral/referral-settings-form';
import { createGroupBuyCampaign, endGroupBuyCampaign, fetchGroupBuyCampaigns, fetchGroupBuyTeams } from './group-buy-api';
import { campaignActions, groupPriceWarning, limitText, seatsText, succeededText, successRateText } from './group-buy-format';
import {
  campaignToFormValues,
  formFieldForServerField,
  formValuesToInput,
  fromChinaWallClock,
  groupBuyFieldProblem,
  groupPriceProblem,
  leaderPriceProblem,
  newGroupBuyFormValues,
  skuRowsFor,
  TEAM_SIZE_BOUNDS,
  toChinaWallClock,
  VALIDITY_HOURS_BOUNDS,
  VIRTUAL_THRESHOLD_BOUNDS,
  type GroupBuyFormValues,
} from './group-buy-form';

const PRODUCT = {
  skus: [
    { id: 11, specValues: ['100g'], priceFen: 5900 },
    { id: 12, specValues: ['250g'], priceFen: 12800 },
  ],
} as Parameters<typeof skuRowsFor>[0];

const STATS: GroupBuyCampaignStats = {
  teamsOpened: 20,
  teamsSucceeded: 12,
  teamsSucceededVirtually: 2,
  teamsFailed: 5,
  teamsForming: 3,
  successRatePercent: 70.6,
  realMembers: 34,
  virtualSeats: 2,
  unitsSold: 40,
  gmvFen: 236000,
  refundedFen: 29500,
};

function filledForm(): GroupBuyFormValues {
  const rows = skuRowsFor(PRODUCT);
  rows[0] = { ...rows[0], groupPrice: '39.9', leaderPrice: '29.9' };
  rows[1] = { ...rows[1], included: false };
  return {
    ...newGroupBuyFormValues(new Date('2026-12-06T02:00:30Z')),
    name: ' 明前龙井 3 人团 ',
    productId: 7,
    skus: rows,
    memberUnitLimit: 2,
    rulesText: '成团后 48 小时内发货 ',
  };
}

describe('拼团 campaign form', () => {
  it('starts a new campaign now in China time, teams of 3 within 24 hours, nothing limited', () => {
    const values = newGroupBuyFormValues(new Date('2026-12-06T02:00:30Z'));
    expect(values.window![0].format('YYYY-MM-DD HH:mm:ss')).toBe('2026-12-06 10:00:00');
    expect(values.window![1].format('YYYY-MM-DD HH:mm')).toBe('2026-12-13 10:00');
    expect(values).toMatchObject({ teamSize: 3, validityHours: 24, memberTeamLimit: 0, memberUnitLimit: 0, unitQuota: 0, virtualCompletion: false });
  });

  it('reads and writes the window as China wall-clock times whatever the browser zone', () => {
    expect(toChinaWallClock('2026-12-31T16:30:00.000Z').format('YYYY-MM-DD HH:mm')).toBe('2027-01-01 00:30');
    expect(fromChinaWallClock(dayjs('2027-01-01 00:30'))).toBe('2026-12-31T16:30:00.000Z');
  });

  it('turns the form into the request: fen prices, unticked SKUs left out, a blank 团长价 as null, trimmed text', () => {
    expect(formValuesToInput(filledForm())).toEqual({
      name: '明前龙井 3 人团',
      productId: 7,
      skus: [{ skuId: 11, groupPriceFen: 3990, leaderPriceFen: 2990 }],
      teamSize: 3,
      validityHours: 24,
      startsAt: '2026-12-06T02:00:00.000Z',
      endsAt: '2026-12-13T02:00:00.000Z',
      memberTeamLimit: 0,
      memberUnitLimit: 2,
      unitQuota: 0,
      allowCoupons: false,
      allowPoints: false,
      virtualCompletion: false,
      virtualThresholdPercent: null,
      rulesText: '成团后 48 小时内发货',
    });
    const noLeader = filledForm();
    noLeader.skus[0].leaderPrice = '';
    expect(formValuesToInput(noLeader).skus).toEqual([{ skuId: 11, groupPriceFen: 3990, leaderPriceFen: null }]);
  });

  it('sends the 模拟成团 threshold only while it is on', () => {
    const on = { ...filledForm(), virtualCompletion: true, virtualThresholdPercent: 60 };
    expect(formValuesToInput(on)).toMatchObject({ virtualCompletion: true, virtualThresholdPercent: 60 });
    expect(formValuesToInput({ ...on, virtualCompletion: false })).toMatchObject({ virtualCompletion: false, virtualThresholdPercent: null });
  });

  it('round-trips a saved campaign: its SKUs ticked with their prices, the others offered unticked', () => {
    const saved = { ...formValuesToInput(filledForm()), id: 3, state: 'scheduled' } as GroupBuyCampaign;
    const values = campaignToFormValues(saved);
    values.skus = skuRowsFor(PRODUCT, saved.skus);
    expect(values.skus).toEqual([
      { skuId: 11, specText: '100g', listPriceFen: 5900, included: true, groupPrice: '39.90', leaderPrice: '29.90' },
      { skuId: 12, specText: '250g', listPriceFen: 12800, included: false, groupPrice: '', leaderPrice: '' },
    ]);
    expect(formValuesToInput({ ...values, productId: 7 })).toEqual(formValuesToInput(filledForm()));
  });

  it('refuses what the server refuses on prices: blank, zero, not below the list price, a 团长价 above the group price', () => {
    const row = skuRowsFor(PRODUCT)[0];
    expect(groupPriceProblem(row)).toBe('请输入拼团价');
    expect(groupPriceProblem({ ...row, groupPrice: '0' })).toBe('价格必须大于 0');
    expect(groupPriceProblem({ ...row, groupPrice: '59' })).toBe('拼团价须低于原价 ¥59.00');
    expect(groupPriceProblem({ ...row, groupPrice: '58.99' })).toBeNull();
    expect(groupPriceProblem({ ...row, groupPrice: '1.234' })).toBe('请输入金额，最多两位小数，例如 19.90');
    expect(leaderPriceProblem({ ...row, groupPrice: '39.9', leaderPrice: '' })).toBeNull();
    expect(leaderPriceProblem({ ...row, groupPrice: '39.9', leaderPrice: '39.9' })).toBeNull();
    expect(leaderPriceProblem({ ...row, groupPrice: '39.9', leaderPrice: '39.91' })).toBe('团长价不能高于拼团价');
    // An unticked SKU is not sold: its blank prices are fine.
    expect(groupPriceProblem({ ...row, included: false })).toBeNull();
  });

  it('checks the other fields beside them: name, product, at least one SKU, window order, rules length', () => {
    const values = filledForm();
    expect(groupBuyFieldProblem('name', { ...values, name: '  ' })).toBe('请输入活动名称');
    expect(groupBuyFieldProblem('name', { ...values, name: '团'.repeat(41) })).toBe('活动名称最多 40 个字');
    expect(groupBuyFieldProblem('productId', { ...values, productId: null })).toBe('请选择商品');
    expect(groupBuyFieldProblem('skus', { ...values, skus: values.skus.map((row) => ({ ...row, included: false })) })).toBe('至少选择一个规格参加拼团');
    expect(groupBuyFieldProblem('window', { ...values, window: [values.window![0], values.window![0]] })).toBe('结束时间必须晚于开始时间');
    expect(groupBuyFieldProblem('window', { ...values, window: null })).toBe('请选择活动时间');
    expect(groupBuyFieldProblem('rulesText', { ...values, rulesText: '规'.repeat(1001) })).toBe('活动规则最多 1000 个字');
    for (const field of ['name', 'productId', 'skus', 'window', 'rulesText'] as const) expect(groupBuyFieldProblem(field, values)).toBeNull();
  });

  it('bounds team size 2–50, validity 1–72 hours and the 模拟成团 threshold 1–100%', () => {
    expect([1, 2, 50, 51, 2.5].map((value) => numberProblem(value, TEAM_SIZE_BOUNDS))).toEqual([
      '成团人数应在 2–50 人 之间',
      null,
      null,
      '成团人数应在 2–50 人 之间',
      '成团人数请输入整数',
    ]);
    expect([0, 72, 73].map((value) => numberProblem(value, VALIDITY_HOURS_BOUNDS))).toEqual(['成团时限应在 1–72 小时 之间', null, '成团时限应在 1–72 小时 之间']);
    expect([0, 100, 101].map((value) => numberProblem(value, VIRTUAL_THRESHOLD_BOUNDS))).toEqual(['模拟成团门槛应在 1–100% 之间', null, '模拟成团门槛应在 1–100% 之间']);
  });

  it('puts a server field error on the form field: the n-th priced SKU is its row, the window takes startsAt and endsAt', () => {
    const values = filledForm();
    values.skus = [{ ...values.skus[0], included: false }, { ...values.skus[1], included: true }];
    expect(formFieldForServerField('skus.0.groupPriceFen', values)).toEqual(['skus', 1, 'groupPrice']);
    expect(formFieldForServerField('skus.0.leaderPriceFen', values)).toEqual(['skus', 1, 'leaderPrice']);
    expect(formFieldForServerField('skus', values)).toEqual(['skus']);
    expect(formFieldForServerField('endsAt', values)).toEqual(['window']);
    expect(formFieldForServerField('teamSize', values)).toEqual(['teamSize']);
  });
});

describe('拼团 price warning', () => {
  it('marks a campaign whose group price is no longer below the list price, and only that one', () => {
    expect(groupPriceWarning({ groupPriceNotBelowList: true })).toBe('拼团价不低于售价');
    expect(groupPriceWarning({ groupPriceNotBelowList: false })).toBeNull();
  });
});

describe('拼团 figures', () => {
  it('says virtual completions, virtual seats and the rate apart from the real figures', () => {
    expect(succeededText(STATS)).toBe('12（含模拟 2）');
    expect(succeededText({ ...STATS, teamsSucceededVirtually: 0 })).toBe('12');
    expect(successRateText(STATS)).toBe('70.6%');
    expect(successRateText({ ...STATS, successRatePercent: 100 })).toBe('100.0%');
    expect(successRateText({ ...STATS, successRatePercent: null })).toBe('—');
    expect(seatsText({ seatsPaid: 2, teamSize: 3, virtualSeats: 1 })).toBe('已付 2 / 3（模拟 1）');
    expect(seatsText({ seatsPaid: 1, teamSize: 3, virtualSeats: 0 })).toBe('已付 1 / 3');
    expect([limitText(0, '件'), limitText(2, '件')]).toEqual(['不限', '2 件']);
  });

  it('lets owners and operators edit and end a campaign that has not ended; everyone else only reads', () => {
    expect(campaignActions({ state: 'running' }, 'operator')).toEqual(['edit', 'end']);
    expect(campaignActions({ state: 'scheduled' }, 'owner')).toEqual(['edit', 'end']);
    expect(campaignActions({ state: 'ended' }, 'owner')).toEqual(['view']);
    expect(campaignActions({ state: 'running' }, 'customer_service')).toEqual(['view']);
  });
});

describe('拼团 API calls', () => {
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

  it('lists campaigns and teams with their filters and ends a campaign with a POST answered 204', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { items: [], total: 0, page: 1, pageSize: 20 }));
    await fetchGroupBuyCampaigns({ state: 'running', page: 1, pageSize: 20 });
    fetchMock.mockResolvedValueOnce(json(200, { items: [], total: 0, page: 2, pageSize: 10 }));
    await fetchGroupBuyTeams(5, { status: 'forming', page: 2, pageSize: 10 });
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(endGroupBuyCampaign(5)).resolves.toBeUndefined();
    expect(fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${url}`)).toEqual([
      'GET /api/v1/admin/group-buy/campaigns?state=running&page=1&pageSize=20',
      'GET /api/v1/admin/group-buy/campaigns/5/teams?status=forming&page=2&pageSize=10',
      'POST /api/v1/admin/group-buy/campaigns/5/end',
    ]);
  });

  it('sends the campaign as JSON and hands back the server refusal with its code, message and fields', async () => {
    const input = formValuesToInput(filledForm());
    fetchMock.mockResolvedValueOnce(
      json(409, { code: 'GROUP_BUY_PRODUCT_BUSY', message: '该商品已在进行中的拼团活动里', details: [{ field: 'productId', message: '该商品已在进行中的拼团活动里' }] }),
    );
    const error = await createGroupBuyCampaign(input).catch((caught: unknown) => caught);
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual(input);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: 'GROUP_BUY_PRODUCT_BUSY', message: '该商品已在进行中的拼团活动里' });
    expect((error as ApiRequestError).fieldErrors).toEqual([{ field: 'productId', message: '该商品已在进行中的拼团活动里' }]);
  });
});
