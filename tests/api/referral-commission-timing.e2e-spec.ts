import type { OrderDetail } from '../../shared';
import { OrderLineRow } from '../../server/src/orders/order-line.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { CommissionRow } from '../../server/src/referral/commission.entity';
import { CommissionsService } from '../../server/src/referral/commissions.service';
import { PromoterAccountRow } from '../../server/src/referral/promoter-account.entity';
import { CommissionSettlementSweeper } from '../../server/src/referral/settlement-sweeper';
import { OrderReferrersRow } from '../../server/src/referral/order-referrers.entity';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { loginWithLink, saveReferralSettings, shareLinkOf, type Shopper } from './support/referral-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { countTransactionAttempts } from './support/transaction-attempts';
import { API, bearer, startTestApp, staffToken, TEST_DB, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/**
 * Commission and the moments between the order's steps: a promoter frozen after the order was placed but before it
 * was paid earns nothing (and a level 2 nothing through a level 1 frozen so); a record whose line has units reserved by a refund still in flight at WeChat is not
 * settled until that refund has been reversed.
 */
describe(`referral commission timing (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  let operator: string;
  let warehouse: string;
  let shop: ShopFixtures;
  let tea: number;
  let count = 0;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    [owner, operator, warehouse] = await Promise.all(['owner', 'operator', 'warehouse'].map((name) => staffToken(t, name)));
    shop = new ShopFixtures(t);
    await shop.init();
    // 10% level 1, 5% level 2.
    await saveReferralSettings(t, owner, { level1RateBp: 1000, level2RateBp: 500, afterSaleWindowDays: 7 });
    tea = await shop.sku(3000, 100);
  });
  afterAll(() => t.close());

  async function place(buyer: Shopper, quantity: number): Promise<OrderDetail> {
    const addressId = await shop.address(buyer.token);
    return (await t.api().post(`${API}/orders`).set(bearer(buyer.token)).send({ clientToken: `timing-order-${++count}`, items: [{ skuId: tea, quantity }], addressId }).expect(201)).body;
  }
  async function pay(buyer: Shopper, orderNo: string): Promise<void> {
    await payAtFake(t, (await startPayment(t, buyer.token, orderNo)).prepayId);
    await eventually(() => orderStatus(t, buyer.token, orderNo), (o) => o.status === 'paid');
  }
  const records = async (orderNo: string) =>
    (await t.dataSource.getRepository(CommissionRow).find({ where: { orderNo }, order: { id: 'ASC' } })).map((row) => [row.promoterMemberId, row.level, row.originalFen, row.reversedFen, row.status]);
  const balance = async (memberId: number) => (await t.dataSource.getRepository(PromoterAccountRow).findOneBy({ memberId }))?.balanceFen ?? 0;
  const freeze = async (promoter: Shopper) => {
    // 人人分销: opening the promoter center writes the active row staff then freeze.
    await t.api().get(`${API}/referral/promoter`).set(bearer(promoter.token)).expect(200);
    await t.api().post(`${API}/admin/referral/promoters/${promoter.memberId}/freeze`).set(bearer(operator)).send({ reason: '违规' }).expect(200);
  };

  /** top ← middle ← buyer: the buyer's orders name middle level 1 and top level 2 when placed. */
  async function chain(name: string): Promise<[Shopper, Shopper, Shopper]> {
    const top = await loginWithLink(t, `timing-${name}-top`);
    const middle = await loginWithLink(t, `timing-${name}-middle`, await shareLinkOf(t, top));
    return [top, middle, await loginWithLink(t, `timing-${name}-buyer`, await shareLinkOf(t, middle))];
  }

  it('a promoter frozen between placement and payment earns nothing on it; level 2 earns only through a level 1 still active, as at placement', async () => {
    const [g, a, b] = await chain('a');
    const before = await place(b, 1);
    await freeze(a);
    // A frozen after placement: neither A nor G (G earns only through A) ...
    await pay(b, before.orderNo);
    expect(await records(before.orderNo)).toEqual([]);
    // ... exactly as for an order placed after A was frozen.
    const after = await place(b, 1);
    await pay(b, after.orderNo);
    expect(await records(after.orderNo)).toEqual([]);
    expect(await t.dataSource.getRepository(CommissionRow).countBy({ promoterMemberId: g.memberId })).toBe(0);

    // Only the level 2 (H) frozen in between: C still earns 10% of 3000 = 300, H nothing.
    const [h, c, d] = await chain('c');
    const order = await place(d, 1);
    await freeze(h);
    await pay(d, order.orderNo);
    expect(await records(order.orderNo)).toEqual([[c.memberId, 1, 300, 0, 'frozen']]);
  });

  it('refunds of orders naming the same two promoters in opposite order (A, B and B, A), 10 at once: taken back without a deadlock retried', async () => {
    // B ← A ← C: C's orders name A level 1 and B level 2; half of them are made to name B level 1 and A level 2
    // (as a later rebinding could have made them when placed).
    const b = await loginWithLink(t, 'timing-order-b');
    const a = await loginWithLink(t, 'timing-order-a', await shareLinkOf(t, b));
    const c = await loginWithLink(t, 'timing-order-c', await shareLinkOf(t, a));
    const orders: OrderDetail[] = [];
    for (let index = 0; index < 10; index++) {
      const order = await place(c, 1);
      if (index % 2 === 1) {
        const orderId = (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: order.orderNo })).id;
        await t.dataSource.getRepository(OrderReferrersRow).update({ orderId }, { level1MemberId: b.memberId, level2MemberId: a.memberId });
      }
      await pay(c, order.orderNo);
      await t.api().post(`${API}/admin/orders/${order.orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo: `SF${Date.now()}${++count}` }).expect(200);
      await t.api().post(`${API}/orders/${order.orderNo}/confirm-receipt`).set(bearer(c.token)).expect(200);
      orders.push(order);
    }
    await t.app.get(CommissionSettlementSweeper).sweep(new Date(Date.now() + 8 * DAY_MS));
    // Each order: 3000 paid for goods, level 1 300, level 2 150, settled: A and B 5 × 450 = 2250 each.
    expect([await balance(a.memberId), await balance(b.memberId)]).toEqual([2250, 2250]);
    const service = t.app.get(CommissionsService);
    const { attempts } = await countTransactionAttempts(t, () =>
      Promise.all(
        orders.map(async (order, index) => {
          const orderId = (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: order.orderNo })).id;
          return service.reverseForRefund({ orderId, refundId: 920_000 + index, items: [{ skuId: tea, quantity: 1, amountFen: 3000 }], closesOrder: true });
        }),
      ),
    );
    expect(attempts).toBe(orders.length);
    expect([await balance(a.memberId), await balance(b.memberId)]).toEqual([0, 0]);
  });

  it('a refund still in flight at WeChat holds its line back from settlement until it is reversed', async () => {
    const a = await loginWithLink(t, 'timing-inflight-a');
    const b = await loginWithLink(t, 'timing-inflight-b', await shareLinkOf(t, a));
    const order = await place(b, 2);
    await pay(b, order.orderNo);
    await t.api().post(`${API}/admin/orders/${order.orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo: `SF${Date.now()}${++count}` }).expect(200);
    await t.api().post(`${API}/orders/${order.orderNo}/confirm-receipt`).set(bearer(b.token)).expect(200);
    // 2 × 3000 paid for goods: A 10% = 600, frozen.
    expect(await records(order.orderNo)).toEqual([[a.memberId, 1, 600, 0, 'frozen']]);
    // One tea is being refunded: the refund reserved its unit on the line (what RefundsService.recordUnits does when
    // the refund is applied for) and WeChat has not answered yet, so no reversal exists.
    const orderId = (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: order.orderNo })).id;
    await t.dataSource.getRepository(OrderLineRow).update({ orderId }, { refundedQuantity: 1 });
    const sweep = () => t.app.get(CommissionSettlementSweeper).sweep(new Date(Date.now() + 8 * DAY_MS));
    expect(await sweep()).toBe(0);
    expect(await records(order.orderNo)).toEqual([[a.memberId, 1, 600, 0, 'frozen']]);
    expect(await balance(a.memberId)).toBe(0);
    // The refund succeeds: its unit is reversed (3000 kept → 300 kept, 300 back), then the record settles what is left.
    await t.app.get(CommissionsService).reverseForRefund({ orderId, refundId: 910_001, items: [{ skuId: tea, quantity: 1, amountFen: 3000 }], closesOrder: false });
    expect(await sweep()).toBe(1);
    expect(await records(order.orderNo)).toEqual([[a.memberId, 1, 600, 300, 'settled']]);
    expect(await balance(a.memberId)).toBe(300);
  });
});
