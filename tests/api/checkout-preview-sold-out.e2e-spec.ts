import type { CheckoutPreview } from '../../shared';
import { claim, createTemplate } from './support/coupon-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/**
 * The shopper chose a coupon, then everything in the selection sold out: the preview shows the lines sold out (and
 * no coupon applied, as there is nothing to apply it to), instead of failing with 409 “优惠券已过期” about a coupon
 * that is valid and unused.
 */
describe(`checkout preview of a sold-out selection with a chosen coupon (${TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 200 with the lines sold out and no coupon applied', async () => {
    const shop = new ShopFixtures(t);
    await shop.init();
    const operator = await staffToken(t, 'operator');
    const token = await memberToken(t, 'sold-out-coupon');
    const addressId = await shop.address(token);
    const memberCouponId = (await claim(t, token, (await createTemplate(t, operator, {})).id)).body.id;
    const skuId = await shop.sku(3000, 0);

    const preview: CheckoutPreview = (
      await t.api().post(`${API}/checkout/preview`).set(bearer(token)).send({ items: [{ skuId, quantity: 1 }], addressId, memberCouponId }).expect(200)
    ).body;
    expect(preview.lines.map((line) => line.unavailableReason)).toEqual(['sold_out']);
    expect(preview.canSubmit).toBe(false);
    expect(preview.selectedMemberCouponId).toBeNull();
    expect(preview.pricing).toEqual(expect.objectContaining({ couponDiscountFen: 0, payableFen: 0 }));
  });
});
