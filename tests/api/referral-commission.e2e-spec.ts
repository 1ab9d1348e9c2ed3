import type { AdminCommissionRecord, CommissionRecord, MyPromoterStatus, OrderDetail, Paginated, ReferralLedgerEntry } from '../../shared';
import { MemberRow } from '../../server/src/members/member.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { TransactionRunner } from '../../server/src/platform/database/transaction-runner';
import { CommissionReversalRow } from '../../server/src/referral/commission-reversal.entity';
import { CommissionRow } from '../../server/src/referral/commission.entity';
import { CommissionsService } from '../../server/src/referral/commissions.service';
import { LedgerEntryRow } from '../../server/src/referral/ledger-entry.entity';
import { PromoterAccountRow } from '../../server/src/referral/promoter-account.entity';
import { PromoterLedger } from '../../server/src/referral/promoter-ledger';
import { CommissionSettlementSweeper } from '../../server/src/referral/settlement-sweeper';
import { RefundRow } from '../../server/src/payments/refund.entity';
import { claim, createTemplate } from './support/coupon-fixtures';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { loginWithLink, saveReferralSettings, shareLinkOf, type Shopper } from './support/referral-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, startTestApp, staffToken, TEST_DB, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/**
 * Two-level commission, every amount worked out by hand in the comments: created frozen at payment per line on what
 * the buyer paid for it, reversed by refunds at the record's own rate before and after settlement, settled by the
 * sweep after the after-sale window, with a debt when the balance was already spent and the next earning paying it
 * first. Then the races: repeated refund deliveries, parallel sweeps, parallel holds.
 */
describe(`referral commission (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  let operator: string;
  let warehouse: string;
  let shop: ShopFixtures;
  let count = 0;
  // The chain: H ← G ← A ← B (B was brought by A, A by G, G by H). B buys; A earns level 1, G level 2, H nothing.
  let h: Shopper;
  let g: Shopper;
  let a: Shopper;
  let b: Shopper & { addressId: number };
  let tea: number;
  let snack: number;
  let snackProduct: number;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    [owner, operator, warehouse] = await Promise.all(['owner', 'operator', 'warehouse'].map((name) => staffToken(t, name)));
    shop = new ShopFixtures(t);
    await shop.init();
    // Shipping 8.00 on every order; 100 points pay 1 元 (at most 50% of the goods); 银卡 pays 95%.
    await t.api().put(`${API}/admin/settings/shop`).set(bearer(owner)).send({ shippingFeeFen: 800, freeShippingThresholdFen: null, unpaidTimeoutMinutes: 30, autoConfirmDays: 10 }).expect(200);
    await t.api().put(`${API}/admin/loyalty-settings`).set(bearer(owner)).send({ levelWindowDays: 365, pointsEarnedPerYuan: 1, pointsPerYuan: 100, pointsMaxSharePercent: 50, pointsExpiryMonths: 12 }).expect(200);
    await t.api().put(`${API}/admin/member-levels`).set(bearer(owner)).send({
      levels: [
        { name: '普通会员', minPaidFen: 0, memberPricePercent: 100, freeShippingThresholdFen: null },
        { name: '银卡', minPaidFen: 100_000_00, memberPricePercent: 95, freeShippingThresholdFen: null },
      ],
    }).expect(200);
    // 10% level 1, 5% level 2; the snack pays 20% at level 1 and nothing at level 2 (its own rates).
    await saveReferralSettings(t, owner, { level1RateBp: 1000, level2RateBp: 500, afterSaleWindowDays: 7 });
    tea = await shop.sku(3000, 100);
    const snackDetail = await shop.product([{ priceFen: 1000, stock: 100 }]);
    [snack, snackProduct] = [snackDetail.skus[0].id, snackDetail.id];
    await t.api().put(`${API}/admin/referral/product-rates/${snackProduct}`).set(bearer(owner)).send({ level1RateBp: 2000, level2RateBp: null }).expect(200);

    h = await loginWithLink(t, 'commission-h');
    g = await loginWithLink(t, 'commission-g', await shareLinkOf(t, h));
    a = await loginWithLink(t, 'commission-a', await shareLinkOf(t, g));
    const buyer = await loginWithLink(t, 'commission-b', await shareLinkOf(t, a));
    b = { ...buyer, addressId: await shop.address(buyer.token) };
  });
  afterAll(() => t.close());

  async function paidOrder(buyer: Shopper & { addressId?: number }, items: { skuId: number; quantity: number }[], extra: object = {}): Promise<OrderDetail> {
    const addressId = buyer.addressId ?? (await shop.address(buyer.token));
    const body = { clientToken: `commission-order-${++count}`, items, addressId, ...extra };
    const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(buyer.token)).send(body).expect(201)).body;
    await payAtFake(t, (await startPayment(t, buyer.token, placed.orderNo)).prepayId);
    return eventually(() => orderStatus(t, buyer.token, placed.orderNo), (o) => o.status === 'paid');
  }
  async function complete(buyer: Shopper, orderNo: string): Promise<void> {
    await t.api().post(`${API}/admin/orders/${orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo: `SF${Date.now()}${++count}` }).expect(200);
    await t.api().post(`${API}/orders/${orderNo}/confirm-receipt`).set(bearer(buyer.token)).expect(200);
  }
  async function staffRefund(orderNo: string, items: { skuId: number; quantity: number }[]): Promise<void> {
    await t.api().post(`${API}/admin/orders/${orderNo}/refunds`).set(bearer(operator)).send({ reason: '退部分商品', items }).expect(201);
    const orderId = (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo })).id;
    await eventually(() => t.dataSource.getRepository(RefundRow).findBy({ orderId }), (rows) => rows.length > 0 && rows.every((row) => row.status === 'succeeded'));
  }
  const recordsOf = async (orderNo: string) =>
    (await t.dataSource.getRepository(CommissionRow).find({ where: { orderNo }, order: { id: 'ASC' } })).map((row) => ({
      sku: row.skuId,
      promoter: row.promoterMemberId,
      level: row.level,
      quantity: row.quantity,
      base: row.baseFen,
      rate: row.rateBp,
      original: row.originalFen,
      reversed: row.reversedFen,
      status: row.status,
    }));
  const account = async (memberId: number) => {
    const row = await t.dataSource.getRepository(PromoterAccountRow).findOneBy({ memberId });
    return { balance: row?.balanceFen ?? 0, debt: row?.debtFen ?? 0 };
  };
  const ledgerOf = async (memberId: number) =>
    (await t.dataSource.getRepository(LedgerEntryRow).find({ where: { memberId }, order: { id: 'ASC' } })).map((row) => [row.kind, row.balanceDeltaFen, row.debtDeltaFen, row.balanceAfterFen, row.debtAfterFen]);
  /** Balance and debt are each exactly the sum of the member's ledger rows. */
  async function expectAccountsEqualLedger(): Promise<void> {
    const accounts = await t.dataSource.getRepository(PromoterAccountRow).find();
    for (const row of accounts) {
      const entries = await t.dataSource.getRepository(LedgerEntryRow).findBy({ memberId: row.memberId });
      expect({ member: row.memberId, balance: row.balanceFen, debt: row.debtFen }).toEqual({
        member: row.memberId,
        balance: entries.reduce((sum, entry) => sum + entry.balanceDeltaFen, 0),
        debt: entries.reduce((sum, entry) => sum + entry.debtDeltaFen, 0),
      });
      expect(row.balanceFen).toBeGreaterThanOrEqual(0);
      expect(row.debtFen).toBeGreaterThanOrEqual(0);
    }
  }
  const sweep = (daysFromNow: number) => t.app.get(CommissionSettlementSweeper).sweep(new Date(Date.now() + daysFromNow * DAY_MS));
  const spend = (memberId: number, reference: string, amountFen: number) =>
    t.app.get(TransactionRunner).run((manager) => t.app.get(PromoterLedger).hold(manager, memberId, reference, amountFen, '测试：提现'));

  it('nothing is earned for sharing, binding or registering alone', async () => {
    expect(await t.dataSource.getRepository(CommissionRow).count()).toBe(0);
    expect(await t.dataSource.getRepository(LedgerEntryRow).count()).toBe(0);
    const status: MyPromoterStatus = (await t.api().get(`${API}/referral/promoter`).set(bearer(a.token)).expect(200)).body;
    expect(status).toMatchObject({ teamLevel1Count: 1, teamLevel2Count: 0, balanceFen: 0, frozenCommissionFen: 0, settledCommissionFen: 0 });
  });

  describe('one order of two lines with member price, a coupon and points; refunds before and after settlement', () => {
    let order: OrderDetail;

    beforeAll(async () => {
      const levels = (await t.api().get(`${API}/admin/member-levels`).set(bearer(operator)).expect(200)).body as { id: number; name: string }[];
      await t.dataSource.getRepository(MemberRow).update({ id: b.memberId }, { levelId: levels.find((level) => level.name === '银卡')!.id });
      await t.api().post(`${API}/admin/members/${b.memberId}/points-adjustments`).set(bearer(operator)).send({ delta: 1000, reason: '测试赠送' }).expect(201);
      const template = await createTemplate(t, operator, { name: '无门槛10元（佣金）' });
      const memberCouponId: number = (await claim(t, b.token, template.id)).body.id;
      order = await paidOrder(b, [
        { skuId: tea, quantity: 2 },
        { skuId: snack, quantity: 3 },
      ], { memberCouponId, usePoints: true });
    });

    it('prices the order: 9000 − member 450 − coupon 1000 − points 1000 + shipping 800 = 7350', () => {
      // tea 2 × 3000 = 6000 → 95%: 2 × 2850 = 5700 (−300); snack 3 × 1000 → 3 × 950 = 2850 (−150).
      expect(order.pricing).toMatchObject({ listTotalFen: 9000, memberDiscountFen: 450, couponDiscountFen: 1000, pointsDiscountFen: 1000, shippingFeeFen: 800, payableFen: 7350 });
    });

    it('creates frozen records at payment: per line × quantity on what was paid, rate kept, rounded down; two levels only', async () => {
      // What each line paid (refund-shares, largest remainders):
      //   coupon 1000 over 5700 / 2850: 666.67 / 333.33 → 667 / 333 → tea 5033, snack 2517
      //   points 1000 over 5033 / 2517: 666.62 / 333.38 → 667 / 333 → tea 4366, snack 2184 (= 7350 − 800)
      // tea:   A 10% of 4366 = 436.6 → 436;  G 5% of 4366 = 218.3 → 218
      // snack: A 20% (its own rate) of 2184 = 436.8 → 436;  level 2: the snack has none → no record
      expect(await recordsOf(order.orderNo)).toEqual([
        { sku: tea, promoter: a.memberId, level: 1, quantity: 2, base: 4366, rate: 1000, original: 436, reversed: 0, status: 'frozen' },
        { sku: tea, promoter: g.memberId, level: 2, quantity: 2, base: 4366, rate: 500, original: 218, reversed: 0, status: 'frozen' },
        { sku: snack, promoter: a.memberId, level: 1, quantity: 3, base: 2184, rate: 2000, original: 436, reversed: 0, status: 'frozen' },
      ]);
      // H, G's referrer, is a third level: nothing.
      expect(await t.dataSource.getRepository(CommissionRow).countBy({ promoterMemberId: h.memberId })).toBe(0);
      expect(await t.dataSource.getRepository(CommissionRow).createQueryBuilder('c').where('c.level NOT IN (1, 2)').getCount()).toBe(0);
      const mine: Paginated<CommissionRecord> = (await t.api().get(`${API}/referral/commissions?status=frozen`).set(bearer(a.token)).expect(200)).body;
      expect(mine.items.map((row) => [row.productTitle.length > 0, row.amountFen, row.status])).toEqual([
        [true, 436, 'frozen'],
        [true, 436, 'frozen'],
      ]);
      expect(mine.items[0]).not.toHaveProperty('buyerMemberId');
      // Another member's records are not A's: G sees only G's.
      expect(((await t.api().get(`${API}/referral/commissions`).set(bearer(g.token)).expect(200)).body as Paginated<CommissionRecord>).items.map((row) => row.amountFen)).toEqual([218]);
      expect(((await t.api().get(`${API}/referral/promoter`).set(bearer(a.token)).expect(200)).body as MyPromoterStatus)).toMatchObject({ frozenCommissionFen: 872, balanceFen: 0 });
      const console: Paginated<AdminCommissionRecord> = (await t.api().get(`${API}/admin/referral/commissions?promoterId=${g.memberId}`).set(bearer(operator)).expect(200)).body;
      expect(console.items.map((row) => [row.buyerMemberId, row.level, row.amountFen])).toEqual([[b.memberId, 2, 218]]);
    });

    it('a partial refund before settlement (1 of 3 snacks) reduces the frozen record at its own rate', async () => {
      await staffRefund(order.orderNo, [{ skuId: snack, quantity: 1 }]);
      // snack record 436 over 3 units: the first unit takes floor(436 × 1/3) = 145 → 291 left, still frozen.
      const snackRecord = () => recordsOf(order.orderNo).then((rows) => rows[2]);
      expect(await eventually(snackRecord, (row) => row.reversed > 0)).toMatchObject({ original: 436, reversed: 145, status: 'frozen' });
      expect((await recordsOf(order.orderNo)).slice(0, 2).map((row) => row.reversed)).toEqual([0, 0]);
      expect(await ledgerOf(a.memberId)).toEqual([]);
    });

    it('settles after completion and the 7-day after-sale window, into the balance through the ledger, once', async () => {
      await complete(b, order.orderNo);
      expect(await sweep(6)).toBe(0);
      expect(await sweep(8)).toBe(3);
      expect(await sweep(8)).toBe(0);
      expect((await recordsOf(order.orderNo)).map((row) => row.status)).toEqual(['settled', 'settled', 'settled']);
      // A: tea 436 + snack 436 − 145 = 727; G: 218.
      expect(await account(a.memberId)).toEqual({ balance: 727, debt: 0 });
      expect(await account(g.memberId)).toEqual({ balance: 218, debt: 0 });
      expect(await ledgerOf(a.memberId)).toEqual([
        ['settlement', 436, 0, 436, 0],
        ['settlement', 291, 0, 727, 0],
      ]);
      const ledger: Paginated<ReferralLedgerEntry> = (await t.api().get(`${API}/referral/ledger`).set(bearer(a.token)).expect(200)).body;
      expect(ledger.items.map((row) => [row.kindText, row.balanceDeltaFen])).toEqual([
        ['佣金结算', 291],
        ['佣金结算', 436],
      ]);
      await expectAccountsEqualLedger();
    });

    it('a refund after settlement with the balance spent: the balance goes to 0, the rest is debt that blocks withdrawals', async () => {
      // A spends 700 of 727 (a withdrawal through the ledger's hold): 27 left.
      await spend(a.memberId, 'test-withdrawal-1', 700);
      expect(await account(a.memberId)).toEqual({ balance: 27, debt: 0 });
      // Both teas come back: the tea records give back all of their commission, A 436, G 218.
      await staffRefund(order.orderNo, [{ skuId: tea, quantity: 2 }]);
      await eventually(() => account(a.memberId), (figures) => figures.debt > 0);
      // A: 27 from the balance, 436 − 27 = 409 as debt. G: 218 from 218, no debt.
      expect(await account(a.memberId)).toEqual({ balance: 0, debt: 409 });
      expect(await eventually(() => account(g.memberId), (figures) => figures.balance === 0)).toEqual({ balance: 0, debt: 0 });
      expect((await ledgerOf(a.memberId)).slice(2)).toEqual([
        ['withdrawal_hold', -700, 0, 27, 0],
        ['reversal', -27, 409, 0, 409],
      ]);
      expect((await recordsOf(order.orderNo)).map((row) => [row.reversed, row.status])).toEqual([
        [436, 'reversed'],
        [218, 'reversed'],
        [145, 'settled'],
      ]);
      await expect(spend(a.memberId, 'test-withdrawal-2', 1)).rejects.toMatchObject({ code: 'REFERRAL_DEBT_OUTSTANDING' });
      expect(((await t.api().get(`${API}/referral/promoter`).set(bearer(a.token)).expect(200)).body as MyPromoterStatus)).toMatchObject({ balanceFen: 0, debtFen: 409 });
      await expectAccountsEqualLedger();
    });

    it('the next earning pays the debt first, the rest reaches the balance', async () => {
      // B buys 2 teas, no coupon, no points, at list price (the level follower put B back to 普通会员 after the first
      // order: 银卡 needs far more): 2 × 3000 = 6000 paid for goods. A 10% = 600, G 5% = 300.
      const next = await paidOrder(b, [{ skuId: tea, quantity: 2 }], { usePoints: false, memberCouponId: null });
      expect((await recordsOf(next.orderNo)).map((row) => [row.promoter, row.base, row.original])).toEqual([
        [a.memberId, 6000, 600],
        [g.memberId, 6000, 300],
      ]);
      await complete(b, next.orderNo);
      expect(await sweep(8)).toBe(2);
      // 600: 409 repays the debt, 191 to the balance.
      expect(await account(a.memberId)).toEqual({ balance: 191, debt: 0 });
      expect((await ledgerOf(a.memberId)).slice(4)).toEqual([['settlement', 191, -409, 191, 0]]);
      await spend(a.memberId, 'test-withdrawal-3', 191);
      await expect(spend(a.memberId, 'test-withdrawal-4', 1)).rejects.toMatchObject({ code: 'REFERRAL_BALANCE_INSUFFICIENT' });
      await expectAccountsEqualLedger();
    });
  });

  describe('自购返佣', () => {
    it('off (the default): a promoter buying earns nothing themselves; their referrer earns level 1', async () => {
      // A (brought by G) buys one tea at list price: 3000 paid for goods.
      const own = await paidOrder(a, [{ skuId: tea, quantity: 1 }], { usePoints: false, memberCouponId: null });
      // G 10% of 3000 = 300 (level 1); H 5% = 150 (level 2: G's referrer). A nothing.
      expect((await recordsOf(own.orderNo)).map((row) => [row.promoter, row.level, row.original])).toEqual([
        [g.memberId, 1, 300],
        [h.memberId, 2, 150],
      ]);
    });

    it('on: the buying promoter earns level 1, their referrer level 2', async () => {
      await saveReferralSettings(t, owner, { level1RateBp: 1000, level2RateBp: 500, selfPurchaseCommission: true });
      const own = await paidOrder(a, [{ skuId: tea, quantity: 1 }], { usePoints: false, memberCouponId: null });
      expect((await recordsOf(own.orderNo)).map((row) => [row.promoter, row.level, row.original])).toEqual([
        [a.memberId, 1, 300],
        [g.memberId, 2, 150],
      ]);
      await saveReferralSettings(t, owner, { level1RateBp: 1000, level2RateBp: 500 });
    });
  });

  it('人人分销 with a minimum spend: a referrer earns only once their own paid orders reach it', async () => {
    await saveReferralSettings(t, owner, { level1RateBp: 1000, level2RateBp: 500, everyoneMinSpendFen: 5000 });
    const s = await loginWithLink(t, 'commission-min-spend-sharer');
    const x = await loginWithLink(t, 'commission-min-spend-buyer', await shareLinkOf(t, s));
    const before = await paidOrder(x, [{ skuId: tea, quantity: 1 }], { usePoints: false, memberCouponId: null });
    expect(await recordsOf(before.orderNo)).toEqual([]);
    expect(((await t.api().get(`${API}/referral/promoter`).set(bearer(s.token)).expect(200)).body as MyPromoterStatus)).toMatchObject({ status: null, spendToGoFen: 5000 });
    // S buys 2 teas: 6000 + 800 shipping paid ≥ 5000.
    await paidOrder(s, [{ skuId: tea, quantity: 2 }], { usePoints: false, memberCouponId: null });
    const after = await paidOrder(x, [{ skuId: tea, quantity: 1 }], { usePoints: false, memberCouponId: null });
    // X's tea: 3000 paid for goods, S 10% = 300.
    expect((await recordsOf(after.orderNo)).map((row) => [row.promoter, row.level, row.original])).toEqual([[s.memberId, 1, 300]]);
    expect(((await t.api().get(`${API}/admin/referral/promoters?status=active`).set(bearer(operator)).expect(200)).body as Paginated<{ memberId: number; source: string }>).items.find((row) => row.memberId === s.memberId)).toMatchObject({ source: 'auto' });
    await saveReferralSettings(t, owner, { level1RateBp: 1000, level2RateBp: 500 });
  });

  describe('races', () => {
    it('one refund delivered 10 times at once reverses once; 5 parallel sweeps settle each record once', async () => {
      const order = await paidOrder(b, [{ skuId: snack, quantity: 4 }], { usePoints: false, memberCouponId: null });
      // 4 × 1000 = 4000 paid for goods; A 20% = 800.
      expect((await recordsOf(order.orderNo)).map((row) => [row.promoter, row.original])).toEqual([[a.memberId, 800]]);
      await staffRefund(order.orderNo, [{ skuId: snack, quantity: 1 }]);
      const record = await t.dataSource.getRepository(CommissionRow).findOneByOrFail({ orderNo: order.orderNo });
      await eventually(() => t.dataSource.getRepository(CommissionReversalRow).countBy({ commissionId: record.id }), (n) => n === 1);
      const refund = await t.dataSource.getRepository(RefundRow).findOneByOrFail({ orderId: record.orderId });
      const service = t.app.get(CommissionsService);
      await Promise.all(Array.from({ length: 10 }, () => service.reverseForRefund({ orderId: record.orderId, refundId: refund.id, items: [{ skuId: snack, quantity: 1, amountFen: 950 }], closesOrder: false })));
      // 800 over 4 units, first unit: floor(800 / 4) = 200, once.
      expect(await t.dataSource.getRepository(CommissionReversalRow).findBy({ commissionId: record.id })).toEqual([expect.objectContaining({ quantity: 1, amountFen: 200 })]);
      expect(await t.dataSource.getRepository(CommissionRow).findOneByOrFail({ id: record.id })).toMatchObject({ reversedQuantity: 1, reversedFen: 200, status: 'frozen' });

      await complete(b, order.orderNo);
      const before = await account(a.memberId);
      const settled = await Promise.all(Array.from({ length: 5 }, () => sweep(8)));
      expect(settled.reduce((sum, n) => sum + n, 0)).toBe(1);
      expect(await account(a.memberId)).toEqual({ balance: before.balance + 600, debt: 0 });
      expect(await t.dataSource.getRepository(LedgerEntryRow).countBy({ commissionId: record.id })).toBe(1);
      await expectAccountsEqualLedger();
    });

    it('a refund delivery racing the settlement sweep: either order of the two ends with the same money (5 rounds)', async () => {
      const service = t.app.get(CommissionsService);
      for (let round = 0; round < 5; round++) {
        const order = await paidOrder(b, [{ skuId: snack, quantity: 2 }], { usePoints: false, memberCouponId: null });
        await complete(b, order.orderNo);
        const record = await t.dataSource.getRepository(CommissionRow).findOneByOrFail({ orderNo: order.orderNo });
        // 2 × 1000 paid for goods, A 20% = 400; one unit back: floor(400 / 2) = 200.
        expect(record.originalFen).toBe(400);
        const before = await account(a.memberId);
        // The refund follower's work for a refund of one snack (a refund id no real refund has), at the same time as three sweeps.
        await Promise.all([
          service.reverseForRefund({ orderId: record.orderId, refundId: 900_000 + round, items: [{ skuId: snack, quantity: 1, amountFen: 1000 }], closesOrder: false }),
          sweep(8),
          sweep(8),
          sweep(8),
        ]);
        const after = await t.dataSource.getRepository(CommissionRow).findOneByOrFail({ id: record.id });
        expect(after).toMatchObject({ status: 'settled', reversedQuantity: 1, reversedFen: 200 });
        // Settled then taken back (credit 400, reversal −200) or reduced then settled (credit 200): +200 either way.
        expect(await account(a.memberId)).toEqual({ balance: before.balance + 200, debt: 0 });
      }
      await expectAccountsEqualLedger();
    });

    it('20 parallel holds never take more than the balance', async () => {
      const { balance } = await account(a.memberId);
      // 600 from the first race, 5 × 200 from the second.
      expect(balance).toBe(1600);
      // 20 holds of 100 at once: 1600 covers 16 of them, not a 17th.
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, index) => spend(a.memberId, `race-${index}`, 100)));
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(16);
      for (const result of results) if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'REFERRAL_BALANCE_INSUFFICIENT' });
      expect(await account(a.memberId)).toEqual({ balance: 0, debt: 0 });
      await expectAccountsEqualLedger();
    });
  });

  it('shoppers only see their own: commission and ledger lists need a member; bad filters are 400', async () => {
    await t.api().get(`${API}/referral/commissions`).expect(401);
    expectApiError((await t.api().get(`${API}/referral/commissions?status=paid`).set(bearer(a.token)).expect(400)).body, 'VALIDATION_FAILED');
    expectApiError((await t.api().get(`${API}/admin/referral/commissions?promoterId=abc`).set(bearer(operator)).expect(400)).body, 'VALIDATION_FAILED');
    await t.api().get(`${API}/admin/referral/commissions`).set(bearer(warehouse)).expect(403);
  });
});
