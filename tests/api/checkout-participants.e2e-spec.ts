import { HttpStatus } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { CheckoutPreview, OrderDetail } from '../../shared';
import { MemberCouponRow } from '../../server/src/coupons/member-coupon.entity';
import { PointsLedgerRow } from '../../server/src/loyalty/points-ledger.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { OrderLineRow } from '../../server/src/orders/order-line.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import type { CheckoutParticipant, ParticipantQuote, QuoteInput, ReleaseInput, ReserveInput } from '../../server/src/orders/participants/checkout-participant';
import { CheckoutParticipants } from '../../server/src/orders/participants/checkout-participants';
import { isUniqueViolation } from '../../server/src/platform/database/transaction-runner';
import { ApiException } from '../../server/src/platform/errors/api-exception';
import { claim, createTemplate } from './support/coupon-fixtures';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { expectStockLedgerBalanced, movementsOfSku } from './support/stock-ledger';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** The toy participant's own table: one row per (member, product) bought, naming the order that bought it. */
const LIMIT_TABLE = 'test_purchase_limit';

/**
 * A participant written here, not in the app: "限购 1 件", per member and product, across orders. Quote refuses
 * what the member already bought (or more than one unit); reserve records the purchase with an INSERT on the
 * (member, product) primary key, which a parallel order of the same member either waits on and then finds taken,
 * or beats; release deletes the order's rows, so the member may buy again.
 */
class PurchaseLimitParticipant implements CheckoutParticipant {
  readonly name = 'test.purchase-limit';
  /** Orders refused inside their transaction (the race the primary key decides). */
  refusedInReserve = 0;
  /** Off: the quote lets everything through, so only the reserve stands between a member and a second unit. */
  quoteLooksUp = true;
  /** The causes of every release, in order. */
  releases: ReleaseInput['cause'][] = [];

  constructor(
    /** Ranked after the coupon and the points on purpose: a refused order has spent both in its transaction, and the rollback must give them back. */
    readonly rank: number,
    private readonly dataSource: DataSource,
    private readonly limitedProductId: () => number,
  ) {}

  async quote({ memberId, lines }: QuoteInput): Promise<ParticipantQuote> {
    const limited = lines.filter((line) => line.productId === this.limitedProductId());
    if (limited.length === 0) return {};
    const bought: unknown[] = !this.quoteLooksUp ? [] : await this.dataSource.query(`SELECT productId FROM ${LIMIT_TABLE} WHERE memberId = ? AND productId = ?`, [memberId, this.limitedProductId()]);
    const over = limited.filter((line) => bought.length > 0 || line.quantity > 1);
    return { refusals: over.map((line) => ({ error: limitReached(line.title, line.productId), skuIds: [line.skuId] })) };
  }

  async reserve(manager: EntityManager, { memberId, orderId, lines }: ReserveInput): Promise<void> {
    for (const line of lines.filter((l) => l.productId === this.limitedProductId())) {
      if (line.quantity > 1) throw limitReached(line.title, line.productId);
      try {
        await manager.query(`INSERT INTO ${LIMIT_TABLE} (memberId, productId, orderId) VALUES (?, ?, ?)`, [memberId, line.productId, orderId]);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        this.refusedInReserve += 1;
        throw limitReached(line.title, line.productId);
      }
    }
  }

  async release(manager: EntityManager, { order, cause }: ReleaseInput): Promise<void> {
    this.releases.push(cause);
    await manager.query(`DELETE FROM ${LIMIT_TABLE} WHERE orderId = ?`, [order.id]);
  }
}

function limitReached(title: string, productId: number): ApiException {
  return new ApiException('PURCHASE_LIMIT_REACHED', HttpStatus.CONFLICT, `「${title}」每人限购 1 件`, { productId });
}

/**
 * The checkout-participant seam: a participant registered with the registry alone (no change to checkout, the
 * cancel path or any module) is asked by the preview, enforced inside the order's transaction under a race, and
 * given back on cancel.
 */
describe(`checkout participants plugged in by registration (${TEST_DB})`, () => {
  const RACERS = 8;
  let t: TestApp;
  let shop: ShopFixtures;
  let operator: string;
  let token: string;
  let memberId: number;
  let addressId: number;
  let limitedSku: number;
  let limitedProductId: number;
  let limitedTitle: string;
  let freeSku: number;
  let couponIds: number[];
  let limit: PurchaseLimitParticipant;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    operator = await staffToken(t, 'operator');
    await t.dataSource.query(`CREATE TABLE ${LIMIT_TABLE} (memberId INT NOT NULL, productId INT NOT NULL, orderId INT NOT NULL, PRIMARY KEY (memberId, productId))`);

    const limited = await shop.product([{ priceFen: 5000, stock: 100 }]);
    limitedSku = limited.skus[0].id;
    limitedProductId = limited.id;
    limitedTitle = limited.title;
    freeSku = await shop.sku(3000, 100);
    limit = new PurchaseLimitParticipant(500, t.dataSource, () => limitedProductId);
    t.app.get(CheckoutParticipants, { strict: false }).register(limit);

    token = await memberToken(t, 'purchase-limit');
    memberId = (await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body.id;
    addressId = await shop.address(token);
    await t.api().post(`${API}/admin/members/${memberId}/points-adjustments`).set(bearer(operator)).send({ delta: 20000, reason: '测试赠送' }).expect(201);
    // One coupon per racer, each of its own template, so no order is refused for a coupon another one spent.
    const templates = await Promise.all(Array.from({ length: RACERS + 1 }, (_, i) => createTemplate(t, operator, { name: `限购测试券${i + 1}` })));
    couponIds = [];
    for (const template of templates) couponIds.push((await claim(t, token, template.id)).body.id);
  });
  afterAll(() => t.close());

  const place = (clientToken: string, memberCouponId: number, quantity = 1) =>
    t.api()
      .post(`${API}/orders`)
      .set(bearer(token))
      .send({ clientToken, items: [{ skuId: limitedSku, quantity }], addressId, memberCouponId, usePoints: true });
  const preview = async (items: { skuId: number; quantity: number }[]): Promise<CheckoutPreview> =>
    (await t.api().post(`${API}/checkout/preview`).set(bearer(token)).send({ items, addressId }).expect(200)).body;

  it('previews a selection within the limit as any other, with no refusals', async () => {
    const answer = await preview([{ skuId: limitedSku, quantity: 1 }]);
    expect(answer.canSubmit).toBe(true);
    expect(answer.refusals).toBeUndefined();
    expect(answer.lines[0].unavailableReason).toBeNull();
  });

  it('refuses two units in the preview with the limit’s message, and placing them answers its 409', async () => {
    const answer = await preview([{ skuId: limitedSku, quantity: 2 }]);
    expect(answer.canSubmit).toBe(false);
    expect(answer.refusals).toEqual([{ code: 'PURCHASE_LIMIT_REACHED', message: `「${limitedTitle}」每人限购 1 件`, skuIds: [limitedSku] }]);
    const refused = await place('limit-two-units', couponIds[RACERS], 2).expect(409);
    expect(refused.body).toEqual({ code: 'PURCHASE_LIMIT_REACHED', message: `「${limitedTitle}」每人限购 1 件`, details: { productId: limitedProductId } });
    expect(await t.dataSource.getRepository(OrderRow).countBy({ memberId })).toBe(0);
  });

  it(`${RACERS} parallel orders of the limited product: exactly one is placed, the rest are 409 PURCHASE_LIMIT_REACHED with nothing written`, async () => {
    const stockBefore = await shop.stockOf(limitedSku);
    // Every placement passes the quote (as they would when all quote before the first commits): the reserve alone decides.
    limit.quoteLooksUp = false;
    const responses = await Promise.all(couponIds.slice(0, RACERS).map((couponId, i) => place(`limit-race-${i}`, couponId)));
    limit.quoteLooksUp = true;
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(RACERS - 1).fill(409)]);
    for (const response of responses.filter((r) => r.status === 409)) expect(response.body.code).toBe('PURCHASE_LIMIT_REACHED');
    const winner: OrderDetail = responses.find((response) => response.status === 201)!.body;
    expect(limit.refusedInReserve).toBe(RACERS - 1);

    // One order, one line, one unit of stock, one sale movement.
    const orders = await t.dataSource.getRepository(OrderRow).findBy({ memberId });
    expect(orders.map((order) => order.orderNo)).toEqual([winner.orderNo]);
    expect(await t.dataSource.getRepository(OrderLineRow).countBy({ orderId: orders[0].id })).toBe(1);
    expect(await shop.stockOf(limitedSku)).toBe(stockBefore - 1);
    expect((await movementsOfSku(t, limitedSku)).filter((movement) => movement.reason === 'sale')).toEqual([{ reason: 'sale', delta: -1 }]);
    await expectStockLedgerBalanced(t);

    // The losers spent a coupon and points inside their transactions before the limit refused them: all rolled back.
    const coupons = await t.dataSource.getRepository(MemberCouponRow).findBy({ memberId });
    expect(coupons.filter((coupon) => coupon.status === 'used').map((coupon) => coupon.orderId)).toEqual([orders[0].id]);
    expect(coupons.filter((coupon) => coupon.status === 'unused')).toHaveLength(RACERS);
    const redeemed = await t.dataSource.getRepository(PointsLedgerRow).findBy({ memberId, reason: 'order_redeemed' });
    expect(redeemed.map((entry) => [entry.orderId, entry.delta])).toEqual([[orders[0].id, -winner.pointsUsed]]);
    expect(winner.pointsUsed).toBeGreaterThan(0);
    expect((await t.dataSource.getRepository(MemberRow).findOneByOrFail({ id: memberId })).pointsBalance).toBe(20000 - winner.pointsUsed);
    expect(await t.dataSource.query(`SELECT memberId, productId, orderId FROM ${LIMIT_TABLE}`)).toEqual([
      { memberId, productId: limitedProductId, orderId: orders[0].id },
    ]);
  }, 60_000);

  it('the preview then shows the limited line as not orderable, priced without it, beside a line that still is', async () => {
    const answer = await preview([
      { skuId: limitedSku, quantity: 1 },
      { skuId: freeSku, quantity: 1 },
    ]);
    expect(answer.canSubmit).toBe(false);
    expect(answer.refusals).toEqual([{ code: 'PURCHASE_LIMIT_REACHED', message: `「${limitedTitle}」每人限购 1 件`, skuIds: [limitedSku] }]);
    expect(answer.lines.map((line) => [line.skuId, line.unavailableReason])).toEqual([
      [limitedSku, null],
      [freeSku, null],
    ]);
    // Only the ¥30.00 line is priced.
    expect(answer.pricing.listTotalFen).toBe(3000);
  });

  it('cancelling the order releases the limit (and gives back its coupon and points): the member may buy again', async () => {
    const [order] = await t.dataSource.getRepository(OrderRow).findBy({ memberId });
    await t.api().post(`${API}/orders/${order.orderNo}/cancel`).set(bearer(token)).expect(200);
    expect(await t.dataSource.query(`SELECT orderId FROM ${LIMIT_TABLE}`)).toEqual([]);
    expect((await t.dataSource.getRepository(MemberCouponRow).findOneByOrFail({ id: order.memberCouponId! })).status).toBe('unused');
    expect((await t.dataSource.getRepository(MemberRow).findOneByOrFail({ id: memberId })).pointsBalance).toBe(20000);

    const answer = await preview([{ skuId: limitedSku, quantity: 1 }]);
    expect(answer.canSubmit).toBe(true);
    expect(answer.refusals).toBeUndefined();
    const again: OrderDetail = (await place('limit-after-cancel', couponIds[RACERS]).expect(201)).body;
    expect(await t.dataSource.query(`SELECT orderId FROM ${LIMIT_TABLE}`)).toEqual([{ orderId: (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: again.orderNo })).id }]);
    expect(limit.releases).toEqual([{ kind: 'cancel', reason: 'shopper' }]);
    await expectStockLedgerBalanced(t);
  });

  it('a paid order refunded before shipping (仅退款) releases through the participants as before: stock back at approval, the coupon stays spent, the points come back with the money', async () => {
    const order = await t.dataSource.getRepository(OrderRow).findOneByOrFail({ memberId, clientToken: 'limit-after-cancel' });
    await payAtFake(t, (await startPayment(t, token, order.orderNo)).prepayId);
    await eventually(() => orderStatus(t, token, order.orderNo), (o) => o.status === 'paid');
    const stockPaid = await shop.stockOf(limitedSku);
    const afterSaleId = (await t.api().post(`${API}/orders/${order.orderNo}/after-sales`).set(bearer(token)).send({ type: 'refund_only', reason: '不想要了' }).expect(201)).body.afterSale.id;
    const service = await staffToken(t, 'service');
    await t.api().post(`${API}/admin/after-sales/${afterSaleId}/approve`).set(bearer(service)).send({}).expect(200);

    expect(await shop.stockOf(limitedSku)).toBe(stockPaid + 1);
    expect((await movementsOfSku(t, limitedSku)).at(-1)).toEqual({ reason: 'refund_return', delta: 1 });
    expect(limit.releases.at(-1)).toEqual({ kind: 'refund_before_shipping', afterSaleId });
    expect(await t.dataSource.query(`SELECT orderId FROM ${LIMIT_TABLE}`)).toEqual([]);
    expect((await t.dataSource.getRepository(MemberCouponRow).findOneByOrFail({ id: order.memberCouponId! })).status).toBe('used');

    await eventually(() => orderStatus(t, token, order.orderNo), (o) => o.status === 'refunded');
    const returned = await eventually(
      () => t.dataSource.getRepository(PointsLedgerRow).findBy({ memberId, orderId: order.id, reason: 'order_refunded_return' }),
      (rows) => rows.length > 0,
    );
    expect(returned.map((entry) => entry.delta)).toEqual([order.pointsUsed]);
    expect((await t.dataSource.getRepository(MemberCouponRow).findOneByOrFail({ id: order.memberCouponId! })).status).toBe('used');
    await expectStockLedgerBalanced(t);
  });
});
