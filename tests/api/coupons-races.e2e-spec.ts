import request from 'supertest';
import type { EntityManager } from 'typeorm';
import type { CouponOption } from '../../shared';
import { CouponCheckoutService, type CouponLine } from '../../server/src/coupons/coupon-checkout.service';
import { CouponTemplateRow } from '../../server/src/coupons/coupon-template.entity';
import { MemberCouponCountRow } from '../../server/src/coupons/member-coupon-count.entity';
import { MemberCouponRow } from '../../server/src/coupons/member-coupon.entity';
import { ApiException } from '../../server/src/platform/errors/api-exception';
import { TransactionRunner } from '../../server/src/platform/database/transaction-runner';
import { createTemplate } from './support/coupon-fixtures';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** Claiming and spending coupons under parallel requests, and what checkout gets from CouponCheckoutService. */
describe(`coupon races and checkout service (${TEST_DB})`, () => {
  let t: TestApp;
  let operator: string;
  /** The app on a real loopback port: the races fire many requests at once. */
  let http: () => ReturnType<typeof request>;
  let categoryId: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const url = await t.app.getUrl();
    http = () => request(url);
    operator = await staffToken(t, 'operator');
    categoryId = (await t.api().get(`${API}/categories`).expect(200)).body[0].children[0].id;
  });
  afterAll(() => t.close());

  const templateRow = (id: number) => t.dataSource.getRepository(CouponTemplateRow).findOneByOrFail({ id });
  const claim = (token: string, templateId: number) => http().post(`${API}/coupons/${templateId}/claim`).set(bearer(token));
  const memberIdOf = async (token: string): Promise<number> => (await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body.id;
  const checkout = () => t.app.get(CouponCheckoutService);
  /** Each call its own transaction, as each checkout has. */
  const inTransaction = <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => t.app.get(TransactionRunner).run(work);
  const codeOf = (error: unknown) => (error instanceof ApiException ? error.code : String(error));
  const lines = (amountFen: number): CouponLine[] => [{ productId: 1, categoryId, amountFen }];

  it('gives one coupon when one member claims a limit-1 coupon 10 times at once', async () => {
    const template = await createTemplate(t, operator, { name: '限领一张', perMemberLimit: 1, totalQuantity: 100 });
    const token = await memberToken(t, 'race-one-member');
    const responses = await Promise.all(Array.from({ length: 10 }, () => claim(token, template.id)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    expect(responses.filter((response) => response.status === 409).every((response) => response.body.code === 'COUPON_LIMIT_REACHED')).toBe(true);
    const memberId = await memberIdOf(token);
    expect(await t.dataSource.getRepository(MemberCouponRow).countBy({ templateId: template.id, memberId })).toBe(1);
    expect((await templateRow(template.id)).claimedCount).toBe(1);
    expect(await t.dataSource.getRepository(MemberCouponCountRow).findOneByOrFail({ memberId, templateId: template.id })).toEqual(expect.objectContaining({ receivedCount: 1 }));
  });

  it('gives exactly 5 coupons when 50 members claim the last 5 at once', async () => {
    const template = await createTemplate(t, operator, { name: '只有五张', perMemberLimit: 1, totalQuantity: 5 });
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, index) => memberToken(t, `race-crowd-${index}`)));
    const responses = await Promise.all(tokens.map((token) => claim(token, template.id)));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(5);
    expect(responses.filter((response) => response.status === 409 && response.body.code === 'COUPON_SOLD_OUT')).toHaveLength(45);
    expect((await templateRow(template.id)).claimedCount).toBe(5);
    const rows = await t.dataSource.getRepository(MemberCouponRow).findBy({ templateId: template.id });
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((row) => row.memberId)).size).toBe(5);
  });

  it('lets exactly one of 10 parallel checkouts spend a coupon; the others get COUPON_UNAVAILABLE', async () => {
    const template = await createTemplate(t, operator, { name: '抢用' });
    const token = await memberToken(t, 'race-redeem');
    const memberId = await memberIdOf(token);
    const memberCouponId = (await claim(token, template.id).expect(201)).body.id;

    // Every checkout reads the coupon as unused before any of them writes (on MariaDB each transaction keeps
    // that snapshot); SQLite runs transactions one after another, so there the wait simply times out.
    const allHaveRead = barrier(10, 300);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        inTransaction(async (manager) => {
          await manager.findOneByOrFail(MemberCouponRow, { id: memberCouponId });
          await allHaveRead();
          return checkout().redeem(manager, { memberId, memberCouponId, orderId: 5000 + index, lines: lines(5000), now: new Date() });
        }),
      ),
    );
    const won = outcomes.filter((outcome): outcome is PromiseFulfilledResult<{ templateId: number; discountFen: number }> => outcome.status === 'fulfilled');
    expect(won.map((outcome) => outcome.value)).toEqual([{ templateId: template.id, discountFen: 1000 }]);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => codeOf((outcome as PromiseRejectedResult).reason))).toEqual(Array(9).fill('COUPON_UNAVAILABLE'));

    const coupon = await t.dataSource.getRepository(MemberCouponRow).findOneByOrFail({ id: memberCouponId });
    expect(coupon.status).toBe('used');
    expect(coupon.orderId).toBeGreaterThanOrEqual(5000);
    expect((await templateRow(template.id)).usedCount).toBe(1);
  });

  it('gives the coupon of a cancelled order back once, however often it is released', async () => {
    const template = await createTemplate(t, operator, { name: '退回' });
    const token = await memberToken(t, 'release-shopper');
    const memberId = await memberIdOf(token);
    const memberCouponId = (await claim(token, template.id).expect(201)).body.id;
    await inTransaction((manager) => checkout().redeem(manager, { memberId, memberCouponId, orderId: 7001, lines: lines(3000), now: new Date() }));

    await Promise.all([1, 2, 3].map(() => inTransaction((manager) => checkout().releaseForCancelledOrder(manager, { orderId: 7001 }))));
    await inTransaction((manager) => checkout().releaseForCancelledOrder(manager, { orderId: 7001 }));
    const coupon = await t.dataSource.getRepository(MemberCouponRow).findOneByOrFail({ id: memberCouponId });
    expect({ status: coupon.status, orderId: coupon.orderId, usedAt: coupon.usedAt }).toEqual({ status: 'unused', orderId: null, usedAt: null });
    expect((await templateRow(template.id)).usedCount).toBe(0);

    // Back in the wallet: another order may use it; releasing the first order again does not touch it.
    await inTransaction((manager) => checkout().redeem(manager, { memberId, memberCouponId, orderId: 7002, lines: lines(3000), now: new Date() }));
    await inTransaction((manager) => checkout().releaseForCancelledOrder(manager, { orderId: 7001 }));
    expect((await t.dataSource.getRepository(MemberCouponRow).findOneByOrFail({ id: memberCouponId })).orderId).toBe(7002);
    expect((await templateRow(template.id)).usedCount).toBe(1);
  });

  it('refuses an unknown coupon, another member\'s, and one the lines do not qualify for', async () => {
    const template = await createTemplate(t, operator, { name: '满100减20', type: 'amount_off', thresholdFen: 10000, amountOffFen: 2000 });
    const owner = await memberToken(t, 'refuse-owner');
    const ownerId = await memberIdOf(owner);
    const otherId = await memberIdOf(await memberToken(t, 'refuse-other'));
    const memberCouponId = (await claim(owner, template.id).expect(201)).body.id;
    const redeem = (memberId: number, id: number, amountFen: number) =>
      inTransaction((manager) => checkout().redeem(manager, { memberId, memberCouponId: id, orderId: 8001, lines: lines(amountFen), now: new Date() })).then(
        () => 'redeemed',
        (error: ApiException) => `${error.getStatus()} ${error.code} ${JSON.stringify((error.body.details as { reason?: string })?.reason ?? null)}`,
      );
    expect(await redeem(ownerId, 999_999, 20000)).toBe('400 COUPON_NOT_FOUND null');
    expect(await redeem(otherId, memberCouponId, 20000)).toBe('400 COUPON_NOT_FOUND null');
    expect(await redeem(ownerId, memberCouponId, 9999)).toBe('409 COUPON_NOT_APPLICABLE "below_threshold"');
    expect((await t.dataSource.getRepository(MemberCouponRow).findOneByOrFail({ id: memberCouponId })).status).toBe('unused');
    // the threshold is inclusive
    expect(await redeem(ownerId, memberCouponId, 10000)).toBe('redeemed');
  });

  it('answers checkout options: usable ones by saving, then the unusable ones with the reason', async () => {
    const token = await memberToken(t, 'options-shopper');
    const memberId = await memberIdOf(token);
    const take = async (overrides: Parameters<typeof createTemplate>[2]) => {
      const template = await createTemplate(t, operator, overrides);
      return (await claim(token, template.id).expect(201)).body.id as number;
    };
    const tenOff = await take({ name: '无门槛10' });
    const percent = await take({ name: '9折', type: 'percent_off', payPercent: 90, maxDiscountFen: 5000 });
    const highThreshold = await take({ name: '满500减100', type: 'amount_off', thresholdFen: 50000, amountOffFen: 10000 });
    // The lines below are of product 1; this coupon is for another product only.
    const anotherProductId = (await t.api().get(`${API}/products?pageSize=5`).expect(200)).body.items.map((item: { id: number }) => item.id).find((id: number) => id !== 1);
    const otherProduct = await take({ name: '别的商品', scope: 'products', scopeIds: [anotherProductId] });
    const future = await take({ name: '未开始', validityKind: 'fixed', validFrom: '2099-01-01T00:00:00Z', validTo: '2099-02-01T00:00:00Z', validDays: null });
    const expired = await take({ name: '过期' });
    await t.dataSource.getRepository(MemberCouponRow).update({ id: expired }, { validTo: new Date(Date.now() - 60_000) });

    // 250.05元 of goods: 9折 takes 25.005 → 25.00元 (rounded down), 无门槛 10元.
    const options: CouponOption[] = await checkout().optionsFor(memberId, lines(25005), new Date());
    // The unusable ones come in the order they expire.
    expect(options.map((option) => [option.memberCouponId, option.usable, option.discountFen, option.reason])).toEqual([
      [percent, true, 2500, null],
      [tenOff, true, 1000, null],
      [expired, false, 0, 'expired'],
      [highThreshold, false, 0, 'below_threshold'],
      [otherProduct, false, 0, 'out_of_scope'],
      [future, false, 0, 'not_yet_valid'],
    ]);
    expect(options.find((option) => option.memberCouponId === percent)).toEqual(expect.objectContaining({ name: '9折', ruleText: '9折 最多减50', templateId: expect.any(Number) }));
  });
});

/** Resolves for everyone once `parties` callers have arrived, or for each caller after `timeoutMs`. */
function barrier(parties: number, timeoutMs: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const everyone = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === parties) release();
    return Promise.race([everyone, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
  };
}
