import type { AdminMemberLoyalty, CouponTemplateStats, MemberPurchaseStats, OrderDetail, RefundPreview, RefundRecord } from '../../shared';
import { isPartiallyRefunded } from '../../shared';
import { PointsLedgerRow } from '../../server/src/loyalty/points-ledger.entity';
import { OrderEvents, type OrderRefundedPayload } from '../../server/src/orders/order-events';
import { OrderLineRow } from '../../server/src/orders/order-line.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { RefundRow } from '../../server/src/payments/refund.entity';
import { ProductRow } from '../../server/src/catalog/product.entity';
import { SkuRow } from '../../server/src/catalog/sku.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { StaffRow } from '../../server/src/staff/staff.entity';
import { claim, createTemplate } from './support/coupon-fixtures';
import { orderEventsOf } from './support/domain-events';
import { deliver, eventually, orderStatus, payAtFake, signedHeaders, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { expectStockLedgerBalanced, movementsOfSku } from './support/stock-ledger';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/**
 * Partial refunds: an order of three lines bought with a member price, a coupon and points is refunded line by
 * line (an after-sale 退货退款 of line 2, a staff refund of line 1, an after-sale of the rest); every amount, the
 * points, the level, the purchase stats and the coupon figures are worked out by hand below. Then parallel refunds
 * of one order (after-sale approvals and staff refunds at once) never give back more than was paid.
 */
describe(`partial refunds (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let operator: string;
  let owner: string;
  let service: string;
  let warehouse: string;
  let tokens = 0;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    [operator, owner, service, warehouse] = await Promise.all([staffToken(t, 'operator'), staffToken(t, 'owner'), staffToken(t, 'service'), staffToken(t, 'warehouse')]);
    // Shipping 8.00 on every order; 1 point earned per 元 of goods paid, 100 points pay 1 元 (at most 50% of the goods).
    await t.api().put(`${API}/admin/settings/shop`).set(bearer(owner)).send({ shippingFeeFen: 800, freeShippingThresholdFen: null, unpaidTimeoutMinutes: 30, autoConfirmDays: 10 }).expect(200);
    await t.api().put(`${API}/admin/loyalty-settings`).set(bearer(owner)).send({ levelWindowDays: 365, pointsEarnedPerYuan: 1, pointsPerYuan: 100, pointsMaxSharePercent: 50, pointsExpiryMonths: 12 }).expect(200);
    // 银卡 from 100.00 net paid in the window, 95% member price.
    await t.api().put(`${API}/admin/member-levels`).set(bearer(owner)).send({
      levels: [
        { name: '普通会员', minPaidFen: 0, memberPricePercent: 100, freeShippingThresholdFen: null },
        { name: '银卡', minPaidFen: 10000, memberPricePercent: 95, freeShippingThresholdFen: null },
      ],
    }).expect(200);
  });
  afterAll(() => t.close());

  async function shopper(identity: string) {
    const token = await memberToken(t, identity);
    const memberId: number = (await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body.id;
    return { token, memberId, addressId: await shop.address(token) };
  }
  type Shopper = Awaited<ReturnType<typeof shopper>>;

  async function paidOrder(buyer: Shopper, items: { skuId: number; quantity: number }[], extra: object = {}): Promise<OrderDetail> {
    const body = { clientToken: `pr-${Date.now().toString(36)}-${++tokens}`, items, addressId: buyer.addressId, ...extra };
    const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(buyer.token)).send(body).expect(201)).body;
    await payAtFake(t, (await startPayment(t, buyer.token, placed.orderNo)).prepayId);
    return eventually(() => orderStatus(t, buyer.token, placed.orderNo), (o) => o.status === 'paid');
  }

  const apply = (buyer: Shopper, orderNo: string, body: object) => t.api().post(`${API}/orders/${orderNo}/after-sales`).set(bearer(buyer.token)).send(body);
  const act = (id: number, action: 'approve' | 'receive' | 'refund') => t.api().post(`${API}/admin/after-sales/${id}/${action}`).set(bearer(service)).send({});
  const staffRefund = (orderNo: string, body: object, token = operator) => t.api().post(`${API}/admin/orders/${orderNo}/refunds`).set(bearer(token)).send(body);
  const orderRow = (orderNo: string) => t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo });
  const refundRows = async (orderNo: string) => t.dataSource.getRepository(RefundRow).find({ where: { orderId: (await orderRow(orderNo)).id }, order: { id: 'ASC' } });
  const balanceOf = async (memberId: number) => (await t.dataSource.getRepository(MemberRow).findOneByOrFail({ id: memberId })).pointsBalance;
  const allSucceeded = (orderNo: string) => eventually(() => refundRows(orderNo), (rows) => rows.length > 0 && rows.every((row) => row.status === 'succeeded'));
  /** What the fake WeChat Pay holds for each refund row (its own books). */
  const fakeRefundFen = (outRefundNo: string): number => {
    const answer = t.fake.state.pay.queryRefund(outRefundNo);
    const body = (answer.text ? JSON.parse(answer.text) : answer.body) as { amount: { refund: number } };
    return body.amount.refund;
  };

  /** A 退货退款 of `items` (or the rest) taken through approval, the parcel, receipt and the refund. */
  async function returnAndRefund(buyer: Shopper, orderNo: string, items?: { skuId: number; quantity: number }[]): Promise<number> {
    const applied: OrderDetail = (await apply(buyer, orderNo, { type: 'return_refund', reason: '商品破损', ...(items ? { items } : {}) }).expect(201)).body;
    const id = applied.afterSale!.id;
    await act(id, 'approve').expect(200);
    await t.api().put(`${API}/orders/${orderNo}/return-shipment`).set(bearer(buyer.token)).send({ carrierCode: 'YTO', trackingNo: `YT${Date.now()}` }).expect(200);
    await act(id, 'receive').expect(200);
    await act(id, 'refund').expect(200);
    return id;
  }

  describe('three lines with member price, a coupon and points, refunded line 2, line 1, then the rest', () => {
    let buyer: Shopper;
    let order: OrderDetail;
    let tea: number;
    let cup: number;
    let snack: number;
    let cupProduct: number;
    let templateId: number;

    const loyalty = async (): Promise<AdminMemberLoyalty> => (await t.api().get(`${API}/admin/members/${buyer.memberId}/loyalty`).set(bearer(operator)).expect(200)).body;
    const purchaseStats = async (): Promise<MemberPurchaseStats> =>
      (await t.api().get(`${API}/admin/members/${buyer.memberId}/purchase-stats`).set(bearer(operator)).expect(200)).body;
    const couponStats = async (): Promise<CouponTemplateStats> => (await t.api().get(`${API}/admin/coupon-templates/${templateId}/stats`).set(bearer(operator)).expect(200)).body;
    const ledger = async () =>
      (await t.dataSource.getRepository(PointsLedgerRow).find({ where: { orderId: (await orderRow(order.orderNo)).id }, order: { id: 'ASC' } })).map((row) => [row.reason, row.delta]);

    beforeAll(async () => {
      buyer = await shopper('partial-refunds-buyer');
      // The buyer holds 银卡 (as if earned before) and 1000 points.
      const levels = (await t.api().get(`${API}/admin/member-levels`).set(bearer(operator)).expect(200)).body as { id: number; name: string }[];
      await t.dataSource.getRepository(MemberRow).update({ id: buyer.memberId }, { levelId: levels.find((level) => level.name === '银卡')!.id });
      await t.api().post(`${API}/admin/members/${buyer.memberId}/points-adjustments`).set(bearer(operator)).send({ delta: 1000, reason: '测试赠送' }).expect(201);
      tea = await shop.sku(3000, 50);
      const cupDetail = await shop.product([{ priceFen: 4500, stock: 50 }], { memberPriceEnabled: false });
      [cup, cupProduct] = [cupDetail.skus[0].id, cupDetail.id];
      snack = await shop.sku(1000, 50);
      const template = await createTemplate(t, operator, { name: '无门槛10元（部分退款）' });
      templateId = template.id;
      const memberCouponId: number = (await claim(t, buyer.token, templateId)).body.id;
      order = await paidOrder(buyer, [
        { skuId: tea, quantity: 2 },
        { skuId: cup, quantity: 1 },
        { skuId: snack, quantity: 3 },
      ], { memberCouponId, usePoints: true });
      await t.api().post(`${API}/admin/orders/${order.orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo: 'SF7000123456' }).expect(200);
      await t.api().post(`${API}/orders/${order.orderNo}/confirm-receipt`).set(bearer(buyer.token)).expect(200);
    });

    it('prices the order: 13500 − member 450 − coupon 1000 − points 1000 + shipping 800 = 11850', async () => {
      // tea 2 × 3000 = 6000 → 95%: 2 × 2850 = 5700 (−300); cup 4500, no member price; snack 3 × 1000 → 3 × 950 = 2850 (−150).
      // Coupon 1000 on 13050; points: 1000 held = 10.00 ≤ 50% of 12050; shipping 800 (no free threshold) → 11850.
      expect(order.pricing).toEqual({
        listTotalFen: 13500,
        memberDiscountFen: 450,
        promotionDiscountFen: 0,
        couponDiscountFen: 1000,
        pointsDiscountFen: 1000,
        shippingFeeFen: 800,
        payableFen: 11850,
      });
      // Completed: 1 point per 元 of goods paid: floor((11850 − 800) / 100) = 110.
      await eventually(ledger, (rows) => rows.length === 2);
      expect(await ledger()).toEqual([['order_redeemed', -1000], ['order_completed', 110]]);
      expect(await balanceOf(buyer.memberId)).toBe(110);
      expect((await loyalty()).level.name).toBe('银卡');
      expect(await eventually(purchaseStats, (stats) => stats.totalNetPaidFen === 11850)).toMatchObject({ paidOrderCount: 1, totalNetPaidFen: 11850 });
      expect(await couponStats()).toMatchObject({ usedCount: 1, orderCount: 1, gmvFen: 11850, discountFen: 1000 });
    });

    it('previews line 2 for the shopper: its share of what was paid', async () => {
      // The breakdown spread over the lines in whole fen (largest remainders):
      //   member 450 over tea 6000 / snack 3000: 300 / 150            → tea 5700, cup 4500, snack 2850 (13050)
      //   coupon 1000 over 5700 / 4500 / 2850: 436.8 / 344.8 / 218.4 → 437 / 345 / 218 → 5263, 4155, 2632 (12050)
      //   points 1000 over 5263 / 4155 / 2632: 436.8 / 344.8 / 218.4 → 437 / 345 / 218 → 4826, 3810, 2414 (11050 = 11850 − 800)
      const preview: RefundPreview = (await t.api().post(`${API}/orders/${order.orderNo}/after-sales/preview`).set(bearer(buyer.token)).send({ items: [{ skuId: cup, quantity: 1 }] }).expect(200)).body;
      expect(preview).toEqual({ items: [{ skuId: cup, quantity: 1, amountFen: 3810 }], shippingFen: 0, refundFen: 3810, pointsReturned: 345, refundableFen: 11850, closesOrder: false });
      const stranger = await memberToken(t, 'partial-refunds-stranger');
      expectApiError((await t.api().post(`${API}/orders/${order.orderNo}/after-sales/preview`).set(bearer(stranger)).send({}).expect(404)).body, 'ORDER_NOT_FOUND');
      expectApiError((await t.api().post(`${API}/orders/${order.orderNo}/after-sales/preview`).set(bearer(buyer.token)).send({ items: [{ skuId: cup, quantity: 2 }] }).expect(400)).body, 'REFUND_ITEMS_INVALID');
      expectApiError((await t.api().post(`${API}/orders/${order.orderNo}/after-sales/preview`).set(bearer(buyer.token)).send({ items: [{ skuId: 999999, quantity: 1 }] }).expect(400)).body, 'REFUND_ITEMS_INVALID');
    });

    it('refund 1, a 退货退款 of line 2 (the cup): 3810; points, level, stats and coupon figures follow', async () => {
      await returnAndRefund(buyer, order.orderNo, [{ skuId: cup, quantity: 1 }]);
      await allSucceeded(order.orderNo);
      const after = await eventually(() => orderStatus(t, buyer.token, order.orderNo), (o) => o.afterSale?.status === 'refunded');
      // The order stays completed, 部分退款.
      expect(after.status).toBe('completed');
      expect(after.refundedFen).toBe(3810);
      expect(isPartiallyRefunded(after)).toBe(true);
      expect(after.lines.map((line) => line.refundedQuantity ?? 0)).toEqual([0, 1, 0]);
      expect(after.afterSale).toMatchObject({ refundFen: 3810, items: [{ skuId: cup, quantity: 1, title: expect.any(String), specValues: ['规格1'] }] });
      // Only the cup came back to stock (at receipt), and only the cup's sale left the product's real sales.
      expect((await movementsOfSku(t, cup)).filter((m) => m.reason === 'return_receipt').map((m) => m.delta)).toEqual([1]);
      expect((await movementsOfSku(t, tea)).filter((m) => m.reason === 'return_receipt')).toEqual([]);
      expect((await t.dataSource.getRepository(ProductRow).findOneByOrFail({ id: cupProduct })).salesCount).toBe(0);
      // Points: the goods kept earn floor((11850 − 3810 − 800) / 100) = 72, so 110 − 72 = 38 go back; the cup's 345 redeemed points return.
      // 110 − 38 + 345 = 417.
      await eventually(ledger, (rows) => rows.length === 4);
      expect((await ledger()).slice(2)).toEqual([['order_refunded_takeback', -38], ['order_refunded_return', 345]]);
      expect(await balanceOf(buyer.memberId)).toBe(417);
      // Net paid 11850 − 3810 = 8040 < 10000: back to 普通会员.
      expect(await eventually(loyalty, (l) => l.level.name === '普通会员')).toMatchObject({ netPaidFen: 8040 });
      expect(await eventually(purchaseStats, (stats) => stats.totalNetPaidFen === 8040)).toMatchObject({ paidOrderCount: 1 });
      // The coupon stays used; its figures keep what was kept: gmv 8040, discount 1000 − the cup's 345 = 655.
      expect(await couponStats()).toMatchObject({ usedCount: 1, orderCount: 1, gmvFen: 8040, discountFen: 655 });
    });

    it('refund 2, a staff refund of line 1 (the tea): 4826, recorded with the staff member and its kind', async () => {
      expectApiError((await staffRefund(order.orderNo, { reason: '缺货补偿', items: [{ skuId: tea, quantity: 2 }] }, service).expect(403)).body, 'FORBIDDEN');
      expectApiError((await staffRefund(order.orderNo, { reason: '', items: [{ skuId: tea, quantity: 2 }] }).expect(400)).body, 'VALIDATION_FAILED');
      const refund: RefundRecord = (await staffRefund(order.orderNo, { reason: '茶叶受潮', items: [{ skuId: tea, quantity: 2 }] }).expect(201)).body;
      const operatorId = (await t.dataSource.getRepository(StaffRow).findOneByOrFail({ username: 'operator' })).id;
      expect(refund).toMatchObject({ kind: 'staff', amountFen: 4826, shippingFen: 0, reason: '茶叶受潮', staff: { id: operatorId } });
      expect(refund.lines).toEqual([expect.objectContaining({ skuId: tea, quantity: 2, amountFen: 4826 })]);
      await allSucceeded(order.orderNo);
      const after = await eventually(() => orderStatus(t, buyer.token, order.orderNo), (o) => o.timeline.some((entry) => entry.event === 'system_refunded'));
      expect(after.status).toBe('completed');
      expect(after.refundedFen).toBe(3810 + 4826);
      expect(after.timeline.filter((entry) => entry.event.startsWith('system_refund')).map((entry) => entry.text)).toEqual([
        '商家退款处理中：¥48.26，原路退回（茶叶受潮）',
        '商家退款成功：¥48.26',
      ]);
      // Kept 11850 − 8636 = 3214, goods 2414 → 24 points; 72 − 24 = 48 go back; the tea's 437 return: 417 − 48 + 437 = 806.
      await eventually(ledger, (rows) => rows.length === 6);
      expect((await ledger()).slice(4)).toEqual([['order_refunded_takeback', -48], ['order_refunded_return', 437]]);
      expect(await balanceOf(buyer.memberId)).toBe(806);
      expect(await eventually(purchaseStats, (stats) => stats.totalNetPaidFen === 3214)).toMatchObject({ paidOrderCount: 1 });
      expect(await couponStats()).toMatchObject({ orderCount: 1, gmvFen: 3214, discountFen: 218 });
    });

    it('refund 3, the rest through a 退货退款: 2414 + shipping 800 = 3214, the order is refunded, everything adds up', async () => {
      await returnAndRefund(buyer, order.orderNo);
      await allSucceeded(order.orderNo);
      const after = await eventually(() => orderStatus(t, buyer.token, order.orderNo), (o) => o.status === 'refunded');
      expect(after.refundedFen).toBe(11850);
      expect(isPartiallyRefunded(after)).toBe(false);
      expect(after.lines.map((line) => line.refundedQuantity ?? 0)).toEqual([2, 1, 3]);
      const rows = await refundRows(order.orderNo);
      expect(rows.map((row) => [row.kind, row.amountFen, row.closesOrder])).toEqual([
        ['after_sale', 3810, false],
        ['staff', 4826, false],
        ['after_sale', 3214, true],
      ]);
      expect(rows.reduce((sum, row) => sum + fakeRefundFen(row.outRefundNo), 0)).toBe(11850);
      // The last 24 earned points go back, the snack's 218 redeemed return: 806 − 24 + 218 = 1000, as before the order.
      await eventually(ledger, (entries) => entries.length === 8);
      expect((await ledger()).slice(6)).toEqual([['order_refunded_takeback', -24], ['order_refunded_return', 218]]);
      expect(await balanceOf(buyer.memberId)).toBe(1000);
      expect(await eventually(purchaseStats, (stats) => stats.paidOrderCount === 0)).toMatchObject({ totalNetPaidFen: 0 });
      expect(await couponStats()).toMatchObject({ usedCount: 1, orderCount: 0, gmvFen: 0, discountFen: 0 });
      // Each refund's event carries what followers need to apply its share without reading the order's history.
      const events = await orderEventsOf<OrderRefundedPayload>(t, OrderEvents.refunded, order.orderNo);
      expect(events.map((event) => [event.status, event.kind, event.refundFen, event.shippingFen, event.pointsReturned, event.couponFen, event.closesOrder, event.orderRefundedFen])).toEqual([
        ['completed', 'after_sale', 3810, 0, 345, 345, false, 3810],
        ['completed', 'staff', 4826, 0, 437, 437, false, 8636],
        ['refunded', 'after_sale', 3214, 800, 218, 218, true, 11850],
      ]);
      expect(events.map((event) => event.items)).toEqual([
        [{ skuId: cup, quantity: 1, amountFen: 3810 }],
        [{ skuId: tea, quantity: 2, amountFen: 4826 }],
        [{ skuId: snack, quantity: 3, amountFen: 2414 }],
      ]);
      expect(events.every((event) => event.paidAt === after.paidAt)).toBe(true);
      // Each refund took its own units off the products' real sales (the last one through the refunded hook): none counts now.
      for (const skuId of [tea, cup, snack]) {
        const { productId } = await t.dataSource.getRepository(SkuRow).findOneByOrFail({ id: skuId });
        expect((await t.dataSource.getRepository(ProductRow).findOneByOrFail({ id: productId })).salesCount).toBe(0);
      }
      // Only the snacks came back this time (the rest had been refunded).
      expect((await movementsOfSku(t, snack)).filter((m) => m.reason === 'return_receipt').map((m) => m.delta)).toEqual([3]);
      expect((await movementsOfSku(t, tea)).filter((m) => m.reason === 'return_receipt')).toEqual([]);
      await expectStockLedgerBalanced(t);
      // Nothing is left to refund.
      expectApiError((await staffRefund(order.orderNo, { reason: '再退一次' }).expect(409)).body, 'REFUND_NOT_ALLOWED');
    });
  });

  describe('parallel refunds of one order', () => {
    let buyer: Shopper;
    let skus: number[];

    beforeAll(async () => {
      buyer = await shopper('partial-refunds-racer');
      skus = [await shop.sku(2990, 100), await shop.sku(1990, 100), await shop.sku(990, 100)];
    });

    /** Refund rows never add up to more than the payable; the order's reserved total, the lines and the fake WeChat agree. */
    async function expectWithinPaid(orderNo: string) {
      const order = await orderRow(orderNo);
      const rows = await refundRows(orderNo);
      const total = rows.reduce((sum, row) => sum + row.amountFen, 0);
      expect(total).toBeLessThanOrEqual(order.payableFen);
      expect(order.refundedFen).toBe(total);
      const lines = await t.dataSource.getRepository(OrderLineRow).findBy({ orderId: order.id });
      for (const line of lines) {
        const refunded = rows.flatMap((row) => row.lines ?? []).filter((part) => part.lineId === line.id).reduce((sum, part) => sum + part.quantity, 0);
        expect(line.refundedQuantity).toBe(refunded);
        expect(line.refundedQuantity).toBeLessThanOrEqual(line.quantity);
      }
      expect(rows.reduce((sum, row) => sum + fakeRefundFen(row.outRefundNo), 0)).toBe(total);
      return { order, rows, total };
    }

    it('after-sale approvals and staff refunds fired together never refund more than was paid', async () => {
      const order = await paidOrder(buyer, skus.map((skuId) => ({ skuId, quantity: 3 })));
      // 3 × (2990 + 1990 + 990) = 17910 + shipping 800 = 18710.
      expect(order.payableFen).toBe(18710);
      const id = (await apply(buyer, order.orderNo, { type: 'refund_only', reason: '不想要了', items: [{ skuId: skus[0], quantity: 3 }] }).expect(201)).body.afterSale.id;
      const answers = await Promise.all([
        ...Array.from({ length: 3 }, () => act(id, 'approve')),
        ...Array.from({ length: 3 }, () => staffRefund(order.orderNo, { reason: '补偿', items: [{ skuId: skus[1], quantity: 2 }] })),
        ...Array.from({ length: 2 }, () => staffRefund(order.orderNo, { reason: '全部退款' })),
        ...Array.from({ length: 3 }, () => staffRefund(order.orderNo, { reason: '补偿', items: [{ skuId: skus[2], quantity: 1 }] })),
      ]);
      for (const answer of answers) expect([200, 201, 409]).toContain(answer.status);
      expect(answers.slice(0, 3).filter((answer) => answer.status === 200)).toHaveLength(3);
      await allSucceeded(order.orderNo);
      const { total } = await expectWithinPaid(order.orderNo);
      // Whatever won, staff can refund the rest once, and then everything adds up to the payable exactly.
      const latest = await orderStatus(t, buyer.token, order.orderNo);
      if (latest.status !== 'refunded' && latest.status !== 'refunding') {
        expect(total).toBeLessThan(18710);
        await staffRefund(order.orderNo, { reason: '余下全部' }).expect(201);
        await allSucceeded(order.orderNo);
      }
      expect((await expectWithinPaid(order.orderNo)).total).toBe(18710);
      expect((await eventually(() => orderStatus(t, buyer.token, order.orderNo), (o) => o.status === 'refunded')).refundedFen).toBe(18710);
      await expectStockLedgerBalanced(t);
    });

    it('five staff refunds of one unit each of a 3-unit line: three win, and they add up to the line\'s share', async () => {
      const order = await paidOrder(buyer, [
        { skuId: skus[0], quantity: 1 },
        { skuId: skus[2], quantity: 3 },
      ]);
      // 2990 + 2970 + 800 = 6760; nothing to spread, so the snack line's share is its 2970: 990 + 990 + 990.
      const answers = await Promise.all(Array.from({ length: 5 }, () => staffRefund(order.orderNo, { reason: '补偿', items: [{ skuId: skus[2], quantity: 1 }] }, owner)));
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 409, 409]);
      for (const lost of answers.filter((answer) => answer.status === 409)) expectApiError(lost.body, 'REFUND_NOT_ALLOWED');
      await allSucceeded(order.orderNo);
      const { total, rows } = await expectWithinPaid(order.orderNo);
      expect(total).toBe(2970);
      expect(rows.map((row) => row.outRefundNo).sort()).toEqual([`${order.orderNo}S1`, `${order.orderNo}S2`, `${order.orderNo}S3`]);
      // The goods never left (the order is still paid): the three units went back to stock.
      const order2 = await orderStatus(t, buyer.token, order.orderNo);
      expect(order2.status).toBe('paid');
      await expectStockLedgerBalanced(t);
    });
  });

  it('a payment that arrives after the order was cancelled is refunded as 取消后到账退款, shown in the timeline', async () => {
    const buyer = await shopper('partial-refunds-late');
    const placed: OrderDetail = (
      await t.api().post(`${API}/orders`).set(bearer(buyer.token)).send({ clientToken: `pr-late-${++tokens}`, items: [{ skuId: await shop.sku(1500, 5), quantity: 1 }], addressId: buyer.addressId }).expect(201)
    ).body;
    // Paid in WeChat while the notification is lost (its address unreachable), cancelled meanwhile, then delivered.
    const realBase = t.config.wechatPay.publicBaseUrl;
    t.config.wechatPay.publicBaseUrl = 'http://127.0.0.1:9';
    await payAtFake(t, (await startPayment(t, buyer.token, placed.orderNo)).prepayId).finally(() => (t.config.wechatPay.publicBaseUrl = realBase));
    await t.api().post(`${API}/orders/${placed.orderNo}/cancel`).set(bearer(buyer.token)).expect(200);
    const body = JSON.stringify(t.fake.state.pay.order(placed.orderNo)!.notification);
    expect((await deliver(t, body, signedHeaders(t, body))).status).toBe(204);
    await allSucceeded(placed.orderNo);
    expect((await refundRows(placed.orderNo)).map((row) => [row.kind, row.amountFen, row.staffId, row.lines])).toEqual([['late_payment', placed.payableFen, null, null]]);
    const after = await orderStatus(t, buyer.token, placed.orderNo);
    expect(after.status).toBe('cancelled');
    expect(after.refundedFen).toBe(0);
    expect(after.timeline.filter((entry) => entry.event.startsWith('system_refund')).map((entry) => entry.text)).toEqual([
      // 15.00 + shipping 8.00
      '取消后到账退款处理中：¥23.00，原路退回（订单已取消，退回支付款）',
      '取消后到账退款成功：¥23.00',
    ]);
    const detail = (await t.api().get(`${API}/admin/orders/${placed.orderNo}`).set(bearer(operator)).expect(200)).body;
    expect(detail.refunds).toEqual([expect.objectContaining({ kind: 'late_payment', amountFen: placed.payableFen, staff: null, lines: [], shippingFen: 0 })]);
  });
});
