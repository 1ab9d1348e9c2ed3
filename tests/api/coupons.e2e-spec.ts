import type { AdminCouponTemplate, CouponCenterItem, MyCoupon } from '../../shared';
import { CouponCheckoutService } from '../../server/src/coupons/coupon-checkout.service';
import { CouponTemplateRow } from '../../server/src/coupons/coupon-template.entity';
import { MemberCouponRow } from '../../server/src/coupons/member-coupon.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { TransactionRunner } from '../../server/src/platform/database/transaction-runner';
import { claim, createTemplate, NO_THRESHOLD_10 } from './support/coupon-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, loginCode, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

const DAY_MS = 24 * 3600_000;

describe(`coupons (${TEST_DB})`, () => {
  let t: TestApp;
  let operator: string;
  let shop: ShopFixtures;
  /** Demo catalog: a top-level category with its first child (the fixtures' products are in the child). */
  let topCategoryId: number;
  let childCategoryId: number;
  let otherTopCategoryId: number;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await staffToken(t, 'operator');
    shop = new ShopFixtures(t);
    await shop.init();
    const tree = (await t.api().get(`${API}/categories`).expect(200)).body;
    topCategoryId = tree[0].id;
    childCategoryId = tree[0].children[0].id;
    otherTopCategoryId = tree[1].id;
  });
  afterAll(() => t.close());

  const admin = (path = '') => `${API}/admin/coupon-templates${path}`;
  const templateRow = (id: number) => t.dataSource.getRepository(CouponTemplateRow).findOneByOrFail({ id });
  const myCoupons = async (token: string, status = 'unused'): Promise<MyCoupon[]> =>
    (await t.api().get(`${API}/me/coupons?status=${status}`).set(bearer(token)).expect(200)).body.items;
  const memberIdOf = async (token: string): Promise<number> => (await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body.id;

  describe('templates in the admin console', () => {
    it('creates each type with the rule text staff and shoppers read', async () => {
      const amountOff = await createTemplate(t, operator, { name: '满200减30', type: 'amount_off', thresholdFen: 20000, amountOffFen: 3000 });
      expect(amountOff).toEqual(
        expect.objectContaining({
          type: 'amount_off', ruleText: '满200减30', thresholdFen: 20000, amountOffFen: 3000, payPercent: null, maxDiscountFen: null,
          status: 'active', claimedCount: 0, usedCount: 0, editable: true, validityText: '领取后 7 天内有效',
        }),
      );
      const percent = await createTemplate(t, operator, {
        name: '8.8折', type: 'percent_off', payPercent: 88, maxDiscountFen: 5000, amountOffFen: null,
        scope: 'categories', scopeIds: [topCategoryId],
        validityKind: 'fixed', validFrom: '2026-01-01T00:00:00.000Z', validTo: '2099-12-31T15:59:59.000Z', validDays: null,
      });
      expect(percent).toEqual(expect.objectContaining({ ruleText: '8.8折 最多减50', amountOffFen: null, validityText: '2026-01-01 至 2099-12-31', validTo: '2099-12-31T15:59:59.000Z' }));
      expect(percent.scopeItems).toEqual([{ id: topCategoryId, name: expect.any(String) }]);

      const listed = (await t.api().get(admin('?type=percent_off')).set(bearer(operator)).expect(200)).body;
      expect(listed.items.map((item: AdminCouponTemplate) => item.id)).toContain(percent.id);
      expect(listed.items.every((item: AdminCouponTemplate) => item.type === 'percent_off')).toBe(true);
      const service = await staffToken(t, 'service');
      expect((await t.api().get(admin(`/${amountOff.id}`)).set(bearer(service)).expect(200)).body.name).toBe('满200减30');
      // Customer service reads but does not create; the warehouse sees nothing of coupons.
      expectApiError((await t.api().post(admin()).set(bearer(service)).send(NO_THRESHOLD_10).expect(403)).body, 'FORBIDDEN');
      expectApiError((await t.api().get(admin()).set(bearer(await staffToken(t, 'warehouse'))).expect(403)).body, 'FORBIDDEN');
    });

    it('refuses bad input with 400 and a code naming the field', async () => {
      const cases: [object, string, string | null][] = [
        [{ amountOffFen: -100 }, 'VALIDATION_FAILED', 'amountOffFen'],
        [{ amountOffFen: 10_000_001 }, 'VALIDATION_FAILED', 'amountOffFen'],
        [{ type: 'amount_off', thresholdFen: 10_000_001 }, 'VALIDATION_FAILED', 'thresholdFen'],
        [{ type: 'amount_off', thresholdFen: 0 }, 'VALIDATION_FAILED', 'thresholdFen'],
        [{ type: 'amount_off', thresholdFen: 500, amountOffFen: 1000 }, 'VALIDATION_FAILED', 'amountOffFen'],
        [{ type: 'percent_off', payPercent: 100, maxDiscountFen: 1000 }, 'VALIDATION_FAILED', 'payPercent'],
        [{ type: 'percent_off', payPercent: 0, maxDiscountFen: 1000 }, 'VALIDATION_FAILED', 'payPercent'],
        [{ type: 'percent_off', payPercent: 120, maxDiscountFen: 1000 }, 'VALIDATION_FAILED', 'payPercent'],
        [{ type: 'percent_off', payPercent: 88 }, 'VALIDATION_FAILED', 'maxDiscountFen'],
        [{ validityKind: 'fixed', validFrom: '2099-02-01T00:00:00Z', validTo: '2099-01-01T00:00:00Z' }, 'VALIDATION_FAILED', 'validTo'],
        [{ validityKind: 'fixed', validFrom: '2020-01-01T00:00:00Z', validTo: '2020-02-01T00:00:00Z' }, 'VALIDATION_FAILED', 'validTo'],
        [{ validDays: null }, 'VALIDATION_FAILED', 'validDays'],
        [{ totalQuantity: 0 }, 'VALIDATION_FAILED', 'totalQuantity'],
        [{ perMemberLimit: -1 }, 'VALIDATION_FAILED', 'perMemberLimit'],
        [{ scope: 'categories', scopeIds: [] }, 'VALIDATION_FAILED', 'scopeIds'],
        [{ unknownField: 1 }, 'VALIDATION_FAILED', 'unknownField'],
        [{ scope: 'categories', scopeIds: [childCategoryId, 999_999] }, 'CATEGORY_NOT_FOUND', null],
        [{ scope: 'products', scopeIds: [999_999] }, 'PRODUCT_NOT_FOUND', null],
      ];
      for (const [overrides, code, field] of cases) {
        const response = await t.api().post(admin()).set(bearer(operator)).send({ ...NO_THRESHOLD_10, ...overrides });
        expect({ overrides, status: response.status, code: response.body.code }).toEqual({ overrides, status: 400, code });
        if (field) expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
        else expect(response.body.details).toEqual({ field: 'scopeIds', ids: [999_999] });
      }
      expect(await t.dataSource.getRepository(CouponTemplateRow).countBy({ name: NO_THRESHOLD_10.name })).toBe(0);
    });

    it('lets every rule change before the first claim, and afterwards only name, quantity up, limit up and a later end', async () => {
      const template = await createTemplate(t, operator, {
        name: '可编辑', validityKind: 'fixed', validFrom: '2026-01-01T00:00:00Z', validTo: '2099-01-01T00:00:00Z', validDays: null, totalQuantity: 3,
      });
      const before = await t.api().patch(admin(`/${template.id}`)).set(bearer(operator))
        .send({ type: 'percent_off', payPercent: 90, maxDiscountFen: 2000, scope: 'categories', scopeIds: [topCategoryId] }).expect(200);
      // Switching to 折扣 clears the amount it no longer uses.
      expect(before.body).toEqual(expect.objectContaining({ type: 'percent_off', payPercent: 90, amountOffFen: null, ruleText: '9折 最多减20', scope: 'categories', scopeIds: [topCategoryId] }));
      expect((await templateRow(template.id)).scopeIds).toEqual([topCategoryId]);

      await claim(t, await memberToken(t, 'edit-claimer'), template.id).then((r) => expect(r.status).toBe(201));
      const allowed = await t.api().patch(admin(`/${template.id}`)).set(bearer(operator))
        .send({ name: '改名了', totalQuantity: 10, perMemberLimit: 2, validTo: '2099-06-01T00:00:00Z', channel: 'staff' }).expect(200);
      expect(allowed.body).toEqual(expect.objectContaining({ name: '改名了', totalQuantity: 10, perMemberLimit: 2, validTo: '2099-06-01T00:00:00.000Z', channel: 'staff', editable: false }));

      const locked = await t.api().patch(admin(`/${template.id}`)).set(bearer(operator)).send({ payPercent: 80, scope: 'products', scopeIds: [(await shop.product([{ priceFen: 100, stock: 1 }])).id] }).expect(409);
      expectApiError(locked.body, 'COUPON_TEMPLATE_LOCKED');
      expect(locked.body.details.fields).toEqual(expect.arrayContaining(['payPercent', 'scope', 'scopeIds']));
      const earlier = await t.api().patch(admin(`/${template.id}`)).set(bearer(operator)).send({ validTo: '2098-01-01T00:00:00Z', perMemberLimit: 1 }).expect(409);
      expect(earlier.body.details.fields).toEqual(expect.arrayContaining(['validTo', 'perMemberLimit']));
      const tooFew = await t.api().patch(admin(`/${template.id}`)).set(bearer(operator)).send({ totalQuantity: 0 }).expect(400);
      expectApiError(tooFew.body, 'VALIDATION_FAILED');
      // One was handed out, so 1 is the least it may be lowered to.
      expect((await t.api().patch(admin(`/${template.id}`)).set(bearer(operator)).send({ totalQuantity: 1 }).expect(200)).body.totalQuantity).toBe(1);
      const row = await templateRow(template.id);
      expect({ payPercent: row.payPercent, claimedCount: row.claimedCount }).toEqual({ payPercent: 90, claimedCount: 1 });
    });

    it('pauses, resumes and ends only from the states that allow it; ended is final', async () => {
      const template = await createTemplate(t, operator, { name: '状态' });
      const shopper = await memberToken(t, 'state-shopper');
      const post = (action: string) => t.api().post(admin(`/${template.id}/${action}`)).set(bearer(operator));

      expect((await post('pause').expect(200)).body.status).toBe('paused');
      const pausedAgain = await post('pause').expect(409);
      expectApiError(pausedAgain.body, 'COUPON_TEMPLATE_STATE_CONFLICT');
      expect(pausedAgain.body.details).toEqual({ status: 'paused' });
      const claimPaused = await claim(t, shopper, template.id);
      expect(claimPaused.status).toBe(409);
      expectApiError(claimPaused.body, 'COUPON_NOT_CLAIMABLE');
      const center = (await t.api().get(`${API}/coupons/center`).expect(200)).body as CouponCenterItem[];
      expect(center.map((item) => item.templateId)).not.toContain(template.id);

      expect((await post('resume').expect(200)).body.status).toBe('active');
      expectApiError((await post('resume').expect(409)).body, 'COUPON_TEMPLATE_STATE_CONFLICT');
      expect((await claim(t, shopper, template.id)).status).toBe(201);
      expect((await post('end').expect(200)).body.status).toBe('ended');
      for (const action of ['pause', 'resume', 'end']) expect((await post(action).expect(409)).body.details).toEqual({ status: 'ended' });
      expectApiError((await t.api().patch(admin(`/${template.id}`)).set(bearer(operator)).send({ name: '复活' }).expect(409)).body, 'COUPON_TEMPLATE_STATE_CONFLICT');
      expectApiError((await claim(t, shopper, template.id)).body, 'COUPON_NOT_CLAIMABLE');
      // The coupon already received stays with the member.
      expect((await myCoupons(shopper)).map((coupon) => coupon.templateId)).toContain(template.id);
      expectApiError((await t.api().post(admin('/999999/pause')).set(bearer(operator)).expect(404)).body, 'COUPON_TEMPLATE_NOT_FOUND');
    });
  });

  describe('shoppers', () => {
    it('claims in the coupon center up to the limit, and sees what is left', async () => {
      const template = await createTemplate(t, operator, { name: '领券中心', totalQuantity: 3, perMemberLimit: 2 });
      const staffOnly = await createTemplate(t, operator, { name: '员工发放', channel: 'staff' });
      const newcomer = await createTemplate(t, operator, { name: '新人', type: 'newcomer', totalQuantity: 0 + 1 });
      const shopper = await memberToken(t, 'center-shopper');

      const visitorView = (await t.api().get(`${API}/coupons/center`).expect(200)).body as CouponCenterItem[];
      const ids = visitorView.map((item) => item.templateId);
      expect(ids).toContain(template.id);
      expect(ids).not.toContain(staffOnly.id);
      expect(ids).not.toContain(newcomer.id);

      const first = await claim(t, shopper, template.id);
      expect(first.status).toBe(201);
      expect(first.body).toEqual(expect.objectContaining({ templateId: template.id, name: '领券中心', ruleText: '无门槛减10', source: 'claim', status: 'unused', usedAt: null, orderNo: null }));
      // 7 days from the second of receipt
      expect(new Date(first.body.validTo).getTime() - new Date(first.body.validFrom).getTime()).toBe(7 * DAY_MS);
      expect((await claim(t, shopper, template.id)).status).toBe(201);
      const third = await claim(t, shopper, template.id);
      expect(third.status).toBe(409);
      expectApiError(third.body, 'COUPON_LIMIT_REACHED');

      const mine = ((await t.api().get(`${API}/coupons/center`).set(bearer(shopper)).expect(200)).body as CouponCenterItem[]).find((item) => item.templateId === template.id);
      expect(mine).toEqual(expect.objectContaining({ claimedByMe: 2, remaining: 1, canClaim: false, blockedBy: 'limit_reached' }));

      expect((await claim(t, await memberToken(t, 'center-other'), template.id)).status).toBe(201);
      const soldOut = await claim(t, await memberToken(t, 'center-late'), template.id);
      expect(soldOut.status).toBe(409);
      expectApiError(soldOut.body, 'COUPON_SOLD_OUT');
      const late = ((await t.api().get(`${API}/coupons/center`).set(bearer(await memberToken(t, 'center-late'))).expect(200)).body as CouponCenterItem[]).find((item) => item.templateId === template.id);
      expect(late).toEqual(expect.objectContaining({ claimedByMe: 0, remaining: 0, canClaim: false, blockedBy: 'sold_out' }));

      expectApiError((await claim(t, shopper, staffOnly.id)).body, 'COUPON_TEMPLATE_NOT_FOUND');
      expectApiError((await claim(t, shopper, newcomer.id)).body, 'COUPON_TEMPLATE_NOT_FOUND');
      expect((await t.api().post(`${API}/coupons/${template.id}/claim`).expect(401)).body.code).toBe('UNAUTHORIZED');
      expect((await templateRow(template.id)).claimedCount).toBe(3);
    });

    it('shows on a product page the coupons whose scope covers it (a top-level category covers its subcategories)', async () => {
      const product = await shop.product([{ priceFen: 5000, stock: 10 }]);
      expect(product.categoryId).toBe(childCategoryId);
      const byTop = await createTemplate(t, operator, { name: '大类券', scope: 'categories', scopeIds: [topCategoryId] });
      const byOther = await createTemplate(t, operator, { name: '别的大类', scope: 'categories', scopeIds: [otherTopCategoryId] });
      const byProduct = await createTemplate(t, operator, { name: '单品券', scope: 'products', scopeIds: [product.id] });
      const elsewhere = await createTemplate(t, operator, { name: '别的商品', scope: 'products', scopeIds: [(await shop.product([{ priceFen: 100, stock: 1 }])).id] });

      const ids = ((await t.api().get(`${API}/products/${product.id}/coupons`).expect(200)).body as CouponCenterItem[]).map((item) => item.templateId);
      expect(ids).toEqual(expect.arrayContaining([byTop.id, byProduct.id]));
      expect(ids).not.toContain(byOther.id);
      expect(ids).not.toContain(elsewhere.id);
      expect((await t.api().get(`${API}/products/${product.id}/coupons`).expect(200)).body.find((item: CouponCenterItem) => item.templateId === byProduct.id).scopeText).toBe('指定商品可用');
      expectApiError((await t.api().get(`${API}/products/999999/coupons`).expect(404)).body, 'PRODUCT_NOT_FOUND');
    });

    it('lists my coupons as unused, used (with the order) and expired', async () => {
      const shopper = await memberToken(t, 'wallet-shopper');
      const memberId = await memberIdOf(shopper);
      const template = await createTemplate(t, operator, { name: '钱包', perMemberLimit: 3 });
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) ids.push((await claim(t, shopper, template.id)).body.id);
      // One expires: its validTo moves into the past. One is spent on a real order.
      await t.dataSource.getRepository(MemberCouponRow).update({ id: ids[0] }, { validTo: new Date(Date.now() - DAY_MS) });
      const skuId = await shop.sku(3000, 5);
      const address = await shop.address(shopper);
      const order = (await t.api().post(`${API}/orders`).set(bearer(shopper)).send({ clientToken: `wallet-${Date.now()}`, items: [{ skuId, quantity: 1 }], addressId: address }).expect(201)).body;
      const orderId = (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: order.orderNo })).id;
      await t.app.get(TransactionRunner).run((manager) =>
        t.app.get(CouponCheckoutService).redeem(manager, { memberId, memberCouponId: ids[1], orderId, lines: [{ productId: 1, categoryId: childCategoryId, amountFen: 3000 }], now: new Date() }),
      );

      expect((await myCoupons(shopper, 'unused')).map((coupon) => coupon.id)).toEqual([ids[2]]);
      const used = await myCoupons(shopper, 'used');
      expect(used).toEqual([expect.objectContaining({ id: ids[1], status: 'used', orderNo: order.orderNo, usedAt: expect.any(String) })]);
      expect(await myCoupons(shopper, 'expired')).toEqual([expect.objectContaining({ id: ids[0], status: 'expired' })]);
      expectApiError((await t.api().get(`${API}/me/coupons?status=lost`).set(bearer(shopper)).expect(400)).body, 'VALIDATION_FAILED');
    });
  });

  describe('new members', () => {
    it('receive each active newcomer coupon at their first login, once, while the quantity lasts', async () => {
      const newcomer = await createTemplate(t, operator, { name: '新人满50减15', type: 'newcomer', thresholdFen: 5000, amountOffFen: 1500, totalQuantity: 2, perMemberLimit: 5 });
      expect(newcomer.perMemberLimit).toBe(1);
      const paused = await createTemplate(t, operator, { name: '暂停的新人券', type: 'newcomer' });
      await t.api().post(admin(`/${paused.id}/pause`)).set(bearer(operator)).expect(200);

      const login = async (identity: string) => (await t.api().post(`${API}/auth/wechat-login`).send({ code: loginCode(t, identity) }).expect(200)).body.token as string;
      const first = await login('newbie-1');
      const coupons = await myCoupons(first);
      expect(coupons.filter((coupon) => coupon.source === 'newcomer')).toEqual([expect.objectContaining({ templateId: newcomer.id, ruleText: '满50减15', status: 'unused' })]);
      // Logging in again gives nothing more.
      await login('newbie-1');
      expect((await myCoupons(first)).filter((coupon) => coupon.templateId === newcomer.id)).toHaveLength(1);

      await login('newbie-2');
      const third = await login('newbie-3');
      expect((await myCoupons(third)).filter((coupon) => coupon.templateId === newcomer.id)).toHaveLength(0);
      expect((await templateRow(newcomer.id)).claimedCount).toBe(2);
      expect(await t.dataSource.getRepository(MemberCouponRow).countBy({ templateId: paused.id })).toBe(0);
    });
  });

  describe('staff issuing', () => {
    it('issues from ids and an uploaded list of ids and phones, answering each line', async () => {
      const template = await createTemplate(t, operator, { name: '客服补偿', channel: 'staff', totalQuantity: 4, perMemberLimit: 1 });
      const tokens = await Promise.all(['issue-a', 'issue-b', 'issue-c', 'issue-d'].map((identity) => memberToken(t, identity)));
      const [a, b, c, d] = await Promise.all(tokens.map(memberIdOf));
      await t.dataSource.getRepository(MemberRow).update({ id: b }, { phone: '13800000001' });
      await t.dataSource.getRepository(MemberRow).update({ id: c }, { phone: '13800000002' });

      const service = await staffToken(t, 'service');
      const text = `手机号,备注\n13800000001,老客\n13900000009\n${c}\n13800000002\n\nabc\n${d}`;
      const response = await t.api().post(admin(`/${template.id}/issue`)).set(bearer(service)).send({ memberIds: [a, 999_999], text }).expect(200);
      const lines = response.body.lines.map((line: { source: string; line: number; result: string; reason: string | null; memberId: number | null }) => [line.source, line.line, line.memberId, line.result, line.reason]);
      expect(lines).toEqual([
        ['memberIds', 1, a, 'issued', null],
        ['memberIds', 2, null, 'skipped', 'member_not_found'],
        ['text', 1, null, 'skipped', 'invalid'],
        ['text', 2, b, 'issued', null],
        ['text', 3, null, 'skipped', 'member_not_found'],
        ['text', 4, c, 'issued', null],
        ['text', 5, c, 'skipped', 'duplicate'],
        ['text', 7, null, 'skipped', 'invalid'],
        ['text', 8, d, 'issued', null],
      ]);
      expect({ issued: response.body.issued, skipped: response.body.skipped }).toEqual({ issued: 4, skipped: 5 });
      expect((await myCoupons(tokens[1]))).toEqual([expect.objectContaining({ templateId: template.id, source: 'staff' })]);

      // Everyone has their one; the quantity (4) is used up.
      const again = await t.api().post(admin(`/${template.id}/issue`)).set(bearer(service)).send({ memberIds: [a] }).expect(200);
      expect(again.body.lines[0]).toEqual(expect.objectContaining({ result: 'skipped', reason: 'sold_out' }));
      await t.api().patch(admin(`/${template.id}`)).set(bearer(operator)).send({ totalQuantity: 10 }).expect(200);
      const limit = await t.api().post(admin(`/${template.id}/issue`)).set(bearer(service)).send({ memberIds: [a] }).expect(200);
      expect(limit.body.lines[0]).toEqual(expect.objectContaining({ result: 'skipped', reason: 'limit_reached' }));
      expect((await templateRow(template.id)).claimedCount).toBe(4);

      expectApiError((await t.api().post(admin(`/${template.id}/issue`)).set(bearer(service)).send({ text: '\n\n' }).expect(400)).body, 'VALIDATION_FAILED');
      await t.api().post(admin(`/${template.id}/end`)).set(bearer(operator)).expect(200);
      expectApiError((await t.api().post(admin(`/${template.id}/issue`)).set(bearer(service)).send({ memberIds: [a] }).expect(409)).body, 'COUPON_TEMPLATE_STATE_CONFLICT');
    });
  });

  describe('figures', () => {
    it('counts claimed, used, and the paid, unrefunded orders it drove with their GMV and discount', async () => {
      const template = await createTemplate(t, operator, { name: '统计', perMemberLimit: 5 });
      const shopper = await memberToken(t, 'stats-shopper');
      const memberId = await memberIdOf(shopper);
      const address = await shop.address(shopper);
      const skuId = await shop.sku(10000, 50);
      const orders = t.dataSource.getRepository(OrderRow);
      const checkout = t.app.get(CouponCheckoutService);
      const run = t.app.get(TransactionRunner);

      // Five coupons; four spent on orders that end paid, shipped, refunded and unpaid; one expired unused.
      const couponIds: number[] = [];
      for (let i = 0; i < 5; i++) couponIds.push((await claim(t, shopper, template.id)).body.id);
      const outcomes = [
        { status: 'paid', paid: true },
        { status: 'shipped', paid: true },
        { status: 'refunded', paid: true },
        { status: 'pending_payment', paid: false },
      ] as const;
      for (const [index, outcome] of outcomes.entries()) {
        const placed = (await t.api().post(`${API}/orders`).set(bearer(shopper)).send({ clientToken: `stats-${index}-${Date.now()}`, items: [{ skuId, quantity: 1 + index }], addressId: address }).expect(201)).body;
        const order = await orders.findOneByOrFail({ orderNo: placed.orderNo });
        const { discountFen } = await run.run((manager) =>
          checkout.redeem(manager, { memberId, memberCouponId: couponIds[index], orderId: order.id, lines: [{ productId: 1, categoryId: childCategoryId, amountFen: order.listTotalFen }], now: new Date() }),
        );
        // What checkout will store on the order with the coupon; the order then moves as payment and after-sales would.
        await orders.update({ id: order.id }, {
          couponTemplateId: template.id, memberCouponId: couponIds[index], couponDiscountFen: discountFen,
          payableFen: order.payableFen - discountFen, status: outcome.status, paidAt: outcome.paid ? new Date() : null,
        });
      }
      await t.dataSource.getRepository(MemberCouponRow).update({ id: couponIds[4] }, { validTo: new Date(Date.now() - DAY_MS) });

      const [paid, shipped] = (await orders.findBy({ couponTemplateId: template.id })).sort((x, y) => x.id - y.id);
      const stats = (await t.api().get(admin(`/${template.id}/stats`)).set(bearer(operator)).expect(200)).body;
      expect(stats).toEqual({
        templateId: template.id,
        claimedCount: 5,
        usedCount: 4,
        unusedCount: 0,
        expiredCount: 1,
        // the paid and the shipped order; not the refunded one, not the unpaid one
        orderCount: 2,
        // (1 × 100元 − 10元 + shipping) + (2 × 100元 − 10元 + shipping)
        gmvFen: 10000 - 1000 + paid.shippingFeeFen + (20000 - 1000 + shipped.shippingFeeFen),
        discountFen: 2000,
      });
    });
  });
});
