import { addDays, chinaDay, type AdminCommissionRow, type MyPromoterStatus, type OrderDetail, type Paginated } from '../../shared';
import { OrderRow } from '../../server/src/orders/order.entity';
import { RefundRow } from '../../server/src/payments/refund.entity';
import { CommissionRow } from '../../server/src/referral/commission.entity';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { loginWithLink, saveReferralSettings, shareLinkOf, type Shopper } from './support/referral-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, startTestApp, staffToken, TEST_DB, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/**
 * What the promoter center and the console's 佣金明细 read beyond the records themselves: today's (China day),
 * total and taken-back figures; the console's filters by promoter, status, order no and date range; the CSV export
 * and who may download it; bad filters answered 400.
 */
describe(`referral center figures and the commission ledger (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  let operator: string;
  let service: string;
  let warehouse: string;
  let shop: ShopFixtures;
  let g: Shopper;
  let a: Shopper;
  let b: Shopper & { addressId: number };
  let tea: number;
  let older: OrderDetail;
  let newer: OrderDetail;
  const today = chinaDay(new Date());
  const twoDaysAgo = addDays(today, -2);

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    [owner, operator, service, warehouse] = await Promise.all(['owner', 'operator', 'service', 'warehouse'].map((name) => staffToken(t, name)));
    shop = new ShopFixtures(t);
    await shop.init();
    // 人人分销, 10% level 1, 5% level 2. The chain: G ← A ← B; B buys, A earns level 1, G level 2.
    await saveReferralSettings(t, owner, { level1RateBp: 1000, level2RateBp: 500 });
    tea = await shop.sku(3000, 100);
    g = await loginWithLink(t, 'figures-g');
    a = await loginWithLink(t, 'figures-a', await shareLinkOf(t, g));
    const buyer = await loginWithLink(t, 'figures-b', await shareLinkOf(t, a));
    b = { ...buyer, addressId: await shop.address(buyer.token) };
    older = await paidOrder('figures-1', 1);
    newer = await paidOrder('figures-2', 2);
    // The first order's records were made two China days ago (the clock of a test cannot wait for midnight).
    await t.dataSource.getRepository(CommissionRow).update({ orderNo: older.orderNo }, { createdAt: new Date(Date.now() - 2 * DAY_MS) });
  });
  afterAll(() => t.close());

  async function paidOrder(clientToken: string, quantity: number): Promise<OrderDetail> {
    const body = { clientToken, items: [{ skuId: tea, quantity }], addressId: b.addressId };
    const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(b.token)).send(body).expect(201)).body;
    await payAtFake(t, (await startPayment(t, b.token, placed.orderNo)).prepayId);
    return eventually(() => orderStatus(t, b.token, placed.orderNo), (o) => o.status === 'paid');
  }
  const statusOf = async (member: Shopper): Promise<MyPromoterStatus> => (await t.api().get(`${API}/referral/promoter`).set(bearer(member.token)).expect(200)).body;
  const consoleList = async (query: string, token = operator): Promise<Paginated<AdminCommissionRow>> =>
    (await t.api().get(`${API}/admin/referral/commissions?${query}`).set(bearer(token)).expect(200)).body;

  it("the promoter's today, total and taken-back figures", async () => {
    // A: 10% of 3000 = 300 two days ago, 10% of 6000 = 600 today. G: 150 and 300.
    expect(await statusOf(a)).toMatchObject({ todayCommissionFen: 600, totalCommissionFen: 900, frozenCommissionFen: 900, settledCommissionFen: 0, reversedCommissionFen: 0 });
    expect(await statusOf(g)).toMatchObject({ todayCommissionFen: 300, totalCommissionFen: 450, reversedCommissionFen: 0 });
    // B earned nothing (no 自购返佣): all zero.
    expect(await statusOf(b)).toMatchObject({ todayCommissionFen: 0, totalCommissionFen: 0, reversedCommissionFen: 0 });

    // One of the two units of today's order is refunded: A's record gives back floor(600 × 1/2) = 300, G's 150.
    await t.api().post(`${API}/admin/orders/${newer.orderNo}/refunds`).set(bearer(operator)).send({ reason: '退一件', items: [{ skuId: tea, quantity: 1 }] }).expect(201);
    const orderId = (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: newer.orderNo })).id;
    await eventually(() => t.dataSource.getRepository(RefundRow).findBy({ orderId }), (rows) => rows.length > 0 && rows.every((row) => row.status === 'succeeded'));
    const after = await eventually(() => statusOf(a), (status) => status.reversedCommissionFen > 0);
    expect(after).toMatchObject({ todayCommissionFen: 300, totalCommissionFen: 600, frozenCommissionFen: 600, reversedCommissionFen: 300 });
  });

  it('the console filters records by promoter, status, order no and China days, with both nicknames', async () => {
    const all = await consoleList('');
    expect(all.total).toBe(4);
    expect(all.items[0]).toMatchObject({ orderNo: newer.orderNo, promoterNickname: expect.any(String), buyerNickname: expect.any(String), buyerMemberId: b.memberId });
    expect((await consoleList(`promoterId=${g.memberId}`)).items.map((row) => [row.orderNo, row.level, row.amountFen])).toEqual([
      [newer.orderNo, 2, 150],
      [older.orderNo, 2, 150],
    ]);
    expect((await consoleList(`orderNo=${older.orderNo}`)).items.map((row) => row.level)).toEqual([2, 1]);
    expect((await consoleList(`from=${today}`)).items.map((row) => row.orderNo)).toEqual([newer.orderNo, newer.orderNo]);
    expect((await consoleList(`from=${twoDaysAgo}&to=${twoDaysAgo}`)).items.map((row) => row.orderNo)).toEqual([older.orderNo, older.orderNo]);
    expect((await consoleList(`from=${addDays(today, -1)}&to=${addDays(today, -1)}`)).total).toBe(0);
    expect((await consoleList(`promoterId=${a.memberId}&status=frozen&from=${twoDaysAgo}&to=${today}`)).items.map((row) => row.amountFen)).toEqual([300, 300]);
    expect((await consoleList('status=settled')).total).toBe(0);
    // 客服 reads the ledger too (REFERRAL_READ_ROLES).
    expect((await consoleList('', service)).total).toBe(4);
  });

  it('exports the filtered records as CSV (Excel-safe, Chinese header) for the read roles only', async () => {
    const response = await t.api().get(`${API}/admin/referral/commissions/export?promoterId=${a.memberId}`).set(bearer(owner)).expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    const lines = response.text.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('记录号,推广员,推广员会员ID,级别,订单号,买家,商品,件数,计佣金额（元）,比例,佣金（元）,已扣回（元）,剩余佣金（元）,状态,产生时间,结算时间');
    expect(lines).toHaveLength(3);
    // Today's record first: 2 units of 3000, 10%, 600 of which 300 taken back.
    expect(lines[1].split(',').slice(3, 14)).toEqual(['1 级', newer.orderNo, expect.any(String), expect.any(String), '2', '60.00', '10%', '6.00', '3.00', '3.00', '待结算']);
    expect(lines[2].split(',').slice(4, 5)).toEqual([older.orderNo]);
    // Members without a nickname are named as the console names them (会员<id>), never left empty.
    expect(lines[1].split(',').slice(1, 3)).toEqual([`会员${a.memberId}`, String(a.memberId)]);
    expect(lines[1].split(',')[5]).toBe(`会员${b.memberId}`);
    await t.api().get(`${API}/admin/referral/commissions/export`).set(bearer(service)).expect(200);
    const refused = await t.api().get(`${API}/admin/referral/commissions/export`).set(bearer(warehouse)).expect(403);
    expect(refused.headers['content-type']).toContain('application/json');
    await t.api().get(`${API}/admin/referral/commissions/export`).expect(401);
    await t.api().get(`${API}/admin/referral/commissions`).set(bearer(warehouse)).expect(403);
  });

  it('refuses a range ending before it starts on the list and the export like the reports (400 ANALYTICS_RANGE_INVALID)', async () => {
    for (const path of ['commissions', 'commissions/export']) {
      const response = await t.api().get(`${API}/admin/referral/${path}?from=2026-03-02&to=2026-03-01`).set(bearer(operator)).expect(400);
      expectApiError(response.body, 'ANALYTICS_RANGE_INVALID');
      await t.api().get(`${API}/admin/referral/${path}?from=2026-03-01&to=2026-03-01`).set(bearer(operator)).expect(200);
    }
  });

  it.each([
    ['from=2026-02-30', 'from'],
    ['to=2026-13-01', 'to'],
    ['from=yesterday', 'from'],
    ['orderNo=a%20b', 'orderNo'],
    ['orderNo=' + 'x'.repeat(25), 'orderNo'],
    ['promoterId=0', 'promoterId'],
    ['promoterId=99999999999', 'promoterId'],
    ['status=paid', 'status'],
  ])('refuses the bad filter %s with 400 on the list and the export', async (query) => {
    for (const path of ['commissions', 'commissions/export']) {
      const response = await t.api().get(`${API}/admin/referral/${path}?${query}`).set(bearer(operator)).expect(400);
      expectApiError(response.body, 'VALIDATION_FAILED');
    }
  });
});
