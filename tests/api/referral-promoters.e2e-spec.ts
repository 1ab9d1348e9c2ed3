import { WITHDRAWAL_MAX_FEN, WITHDRAWAL_WECHAT_MIN_FEN, type AdminPromoter, type MyPromoterStatus, type Paginated, type ReferralSettings } from '../../shared';
import { TRANSFER_USER_NAME_REQUIRED_FROM_FEN } from '../../server/src/wechat/pay/wechat-transfer.types';
import { PromoterRow } from '../../server/src/referral/promoter.entity';
import { ReferralSettingsRow } from '../../server/src/referral/referral-settings.entity';
import { ENTITIES } from '../../server/src/database/entities';
import { REFERRAL_ON, saveReferralSettings, loginWithLink } from './support/referral-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, startTestApp, staffToken, TEST_DB, type TestApp } from './support/test-app';

/** 分销设置 (validated, owner only, never a third level) and promoters (apply, approve / reject / freeze, 人人分销). */
describe(`referral settings and promoters (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  let operator: string;
  let service: string;
  let warehouse: string;

  beforeAll(async () => {
    t = await startTestApp();
    [owner, operator, service, warehouse] = await Promise.all(['owner', 'operator', 'service', 'warehouse'].map((name) => staffToken(t, name)));
  });
  afterAll(() => t.close());

  const settings = (token = owner) => t.api().get(`${API}/admin/referral/settings`).set(bearer(token));
  const save = (body: object, token = owner) => t.api().put(`${API}/admin/referral/settings`).set(bearer(token)).send(body);
  const status = async (token: string): Promise<MyPromoterStatus> => (await t.api().get(`${API}/referral/promoter`).set(bearer(token)).expect(200)).body;

  describe('分销设置', () => {
    it('starts off, first touch for good, 30 days, everyone, no rates, 自购返佣 off', async () => {
      expect((await settings().expect(200)).body).toEqual({
        enabled: false,
        programMode: 'everyone',
        everyoneMinSpendFen: null,
        bindingMode: 'first_touch',
        bindingValidDays: 30,
        bindScope: 'everyone',
        level1RateBp: 0,
        level2RateBp: null,
        selfPurchaseCommission: false,
        afterSaleWindowDays: 7,
        withdrawalMinFen: 100,
        withdrawalDailyLimitFen: 500000,
      });
    });

    it('only the owner saves; operators and service read; the warehouse does neither', async () => {
      expectApiError((await save(REFERRAL_ON, operator).expect(403)).body, 'FORBIDDEN');
      await settings(operator).expect(200);
      await settings(service).expect(200);
      expectApiError((await settings(warehouse).expect(403)).body, 'FORBIDDEN');
      const saved: ReferralSettings = (await save({ ...REFERRAL_ON, programMode: 'approved', bindingMode: 'valid_days', bindingValidDays: 15, level2RateBp: null }).expect(200)).body;
      expect(saved).toMatchObject({ enabled: true, programMode: 'approved', bindingMode: 'valid_days', bindingValidDays: 15, level2RateBp: null });
      expect((await settings().expect(200)).body).toEqual(saved);
    });

    it('refuses bad input with a stable code and writes nothing', async () => {
      const before = (await settings().expect(200)).body;
      const bad: [object, string][] = [
        [{ ...REFERRAL_ON, level1RateBp: -1 }, 'VALIDATION_FAILED'],
        [{ ...REFERRAL_ON, level1RateBp: 10.5 }, 'VALIDATION_FAILED'],
        [{ ...REFERRAL_ON, level2RateBp: 10001 }, 'VALIDATION_FAILED'],
        [{ ...REFERRAL_ON, programMode: 'pyramid' }, 'VALIDATION_FAILED'],
        [{ ...REFERRAL_ON, bindingMode: 'forever' }, 'VALIDATION_FAILED'],
        [{ ...REFERRAL_ON, bindingValidDays: 0 }, 'VALIDATION_FAILED'],
        [{ ...REFERRAL_ON, afterSaleWindowDays: 91 }, 'VALIDATION_FAILED'],
        [{ ...REFERRAL_ON, everyoneMinSpendFen: 0 }, 'VALIDATION_FAILED'],
        [{ ...REFERRAL_ON, withdrawalMinFen: null }, 'VALIDATION_FAILED'],
        // WeChat transfers nothing under 0.1 元, and from 2,000 元 needs the payee's real name (not collected).
        [{ ...REFERRAL_ON, withdrawalMinFen: 1 }, 'VALIDATION_FAILED'],
        [{ ...REFERRAL_ON, withdrawalMinFen: 9 }, 'VALIDATION_FAILED'],
        [{ ...REFERRAL_ON, withdrawalMinFen: 200_000 }, 'VALIDATION_FAILED'],
        [{ ...REFERRAL_ON, enabled: 'yes' }, 'VALIDATION_FAILED'],
        [{ ...REFERRAL_ON, level1RateBp: 6000, level2RateBp: 4001 }, 'REFERRAL_SETTINGS_INVALID'],
        [{ ...REFERRAL_ON, withdrawalMinFen: 1000, withdrawalDailyLimitFen: 999 }, 'REFERRAL_SETTINGS_INVALID'],
        [(({ selfPurchaseCommission: _s, ...rest }) => rest)(REFERRAL_ON), 'VALIDATION_FAILED'],
      ];
      for (const [body, code] of bad) expectApiError((await save(body).expect(400)).body, code);
      expect((await settings().expect(200)).body).toEqual(before);
    });

    it('a withdrawal minimum from 0.1 元 (WeChat\'s least transfer) to 1999.99 元 (under the 2,000 元 that needs a real name)', async () => {
      expect((await save({ ...REFERRAL_ON, withdrawalMinFen: WITHDRAWAL_WECHAT_MIN_FEN }).expect(200)).body).toMatchObject({ withdrawalMinFen: 10 });
      expect((await save({ ...REFERRAL_ON, withdrawalMinFen: WITHDRAWAL_MAX_FEN }).expect(200)).body).toMatchObject({ withdrawalMinFen: 199_999 });
      expect(WITHDRAWAL_MAX_FEN).toBeLessThan(TRANSFER_USER_NAME_REQUIRED_FROM_FEN);
      await save(REFERRAL_ON).expect(200);
    });

    it('has no third level anywhere: a level-3 rate is refused, no column or field names one', async () => {
      expectApiError((await save({ ...REFERRAL_ON, level3RateBp: 100 }).expect(400)).body, 'VALIDATION_FAILED');
      expect(Object.keys((await settings().expect(200)).body).filter((key) => /level\s*3|level3|third/i.test(key))).toEqual([]);
      // No table of the schema has a level-3 column (the anti-pyramid rule is structural, not a setting).
      for (const entity of ENTITIES) {
        const columns = t.dataSource.getMetadata(entity).columns.map((column) => column.propertyName);
        expect(columns.filter((name) => /level3|third/i.test(name))).toEqual([]);
      }
      expect(t.dataSource.getMetadata(ReferralSettingsRow).columns.map((column) => column.propertyName).filter((name) => /^level\d/.test(name)).sort()).toEqual(['level1RateBp', 'level2RateBp']);
    });

    it('product rates: owner sets, lists and removes; unknown product 404; rates over 100% refused', async () => {
      const shop = new ShopFixtures(t);
      await shop.init();
      const product = await shop.product([{ priceFen: 1000, stock: 5 }]);
      const put = (productId: number, body: object, token = owner) => t.api().put(`${API}/admin/referral/product-rates/${productId}`).set(bearer(token)).send(body);
      expect((await put(product.id, { level1RateBp: 2000, level2RateBp: null }).expect(200)).body).toEqual({ productId: product.id, productTitle: product.title, level1RateBp: 2000, level2RateBp: null });
      expect((await t.api().get(`${API}/admin/referral/product-rates`).set(bearer(operator)).expect(200)).body).toEqual([{ productId: product.id, productTitle: product.title, level1RateBp: 2000, level2RateBp: null }]);
      expectApiError((await put(product.id, { level1RateBp: 9000, level2RateBp: 2000 }).expect(400)).body, 'REFERRAL_SETTINGS_INVALID');
      expectApiError((await put(product.id, { level1RateBp: 100, level2RateBp: null, level3RateBp: 5 }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await put(999999, { level1RateBp: 100, level2RateBp: null }).expect(404)).body, 'PRODUCT_NOT_FOUND');
      expectApiError((await put(product.id, { level1RateBp: 100, level2RateBp: null }, operator).expect(403)).body, 'FORBIDDEN');
      await t.api().delete(`${API}/admin/referral/product-rates/${product.id}`).set(bearer(owner)).expect(204);
      expectApiError((await t.api().delete(`${API}/admin/referral/product-rates/${product.id}`).set(bearer(owner)).expect(404)).body, 'PRODUCT_NOT_FOUND');
    });
  });

  describe('promoters', () => {
    const apply = (token: string, body: object = {}) => t.api().post(`${API}/referral/promoter/apply`).set(bearer(token)).send(body);
    const decide = (memberId: number, action: string, body: object = {}, token = operator) =>
      t.api().post(`${API}/admin/referral/promoters/${memberId}/${action}`).set(bearer(token)).send(body);
    const list = async (query: string): Promise<Paginated<AdminPromoter>> => (await t.api().get(`${API}/admin/referral/promoters?${query}`).set(bearer(service)).expect(200)).body;

    it('指定分销: apply without a fee or a purchase, staff approve / reject with a reason / freeze / unfreeze', async () => {
      await saveReferralSettings(t, owner, { enabled: false, programMode: 'approved' });
      const alice = await loginWithLink(t, 'promoter-alice');
      expectApiError((await apply(alice.token).expect(409)).body, 'REFERRAL_PROGRAM_OFF');
      await saveReferralSettings(t, owner, { programMode: 'approved' });
      expect(await status(alice.token)).toMatchObject({ programEnabled: true, programMode: 'approved', status: null });
      // Applying needs no order: Alice has never bought anything.
      expect((await apply(alice.token, { note: '想推荐给朋友' }).expect(200)).body).toMatchObject({ status: 'pending' });
      expect((await apply(alice.token).expect(200)).body).toMatchObject({ status: 'pending' });
      expectApiError((await apply(alice.token, { note: 'x'.repeat(201) }).expect(400)).body, 'VALIDATION_FAILED');
      const queue = await list('status=pending');
      expect(queue.items.map((row) => row.memberId)).toContain(alice.memberId);
      expect(queue.items.find((row) => row.memberId === alice.memberId)).toMatchObject({ status: 'pending', source: 'applied', applyNote: '想推荐给朋友' });

      // Reject needs a reason; the warehouse and service may not decide.
      expectApiError((await decide(alice.memberId, 'reject', { reason: '  ' }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await decide(alice.memberId, 'approve', {}, service).expect(403)).body, 'FORBIDDEN');
      expect((await decide(alice.memberId, 'reject', { reason: '资料不全' }).expect(200)).body).toEqual({ memberId: alice.memberId, status: 'rejected' });
      expect(await status(alice.token)).toMatchObject({ status: 'rejected', rejectReason: '资料不全' });
      expectApiError((await decide(alice.memberId, 'approve').expect(409)).body, 'PROMOTER_STATE_CONFLICT');
      // Applying again puts her back in the queue.
      expect((await apply(alice.token).expect(200)).body).toMatchObject({ status: 'pending', rejectReason: null });
      expect((await decide(alice.memberId, 'approve').expect(200)).body).toEqual({ memberId: alice.memberId, status: 'active' });
      expectApiError((await apply(alice.token).expect(409)).body, 'PROMOTER_STATE_CONFLICT');
      expectApiError((await decide(alice.memberId, 'freeze', {}).expect(400)).body, 'VALIDATION_FAILED');
      expect((await decide(alice.memberId, 'freeze', { reason: '违规宣传' }).expect(200)).body).toMatchObject({ status: 'frozen' });
      expect(await status(alice.token)).toMatchObject({ status: 'frozen', freezeReason: '违规宣传' });
      expectApiError((await decide(alice.memberId, 'freeze', { reason: '再冻结' }).expect(409)).body, 'PROMOTER_STATE_CONFLICT');
      expect((await decide(alice.memberId, 'unfreeze').expect(200)).body).toMatchObject({ status: 'active' });
      expectApiError((await decide(999999, 'approve').expect(404)).body, 'PROMOTER_NOT_FOUND');
      expectApiError((await decide(0, 'approve').expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await t.api().get(`${API}/admin/referral/promoters?status=boss`).set(bearer(service)).expect(400)).body, 'VALIDATION_FAILED');
    });

    it('two staff deciding at once (approve, approve, reject): one wins, the others 409, the row says what the winner did', async () => {
      const bob = await loginWithLink(t, 'promoter-bob');
      await apply(bob.token).expect(200);
      const actions = ['approve', 'approve', 'reject'] as const;
      const answers = await Promise.all(actions.map((action, index) => decide(bob.memberId, action, action === 'reject' ? { reason: '并发' } : {}, index === 1 ? owner : operator)));
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
      const winner = actions[answers.findIndex((answer) => answer.status === 200)];
      const row = await t.dataSource.getRepository(PromoterRow).findOneByOrFail({ memberId: bob.memberId });
      expect(row).toMatchObject({ status: winner === 'approve' ? 'active' : 'rejected', decidedByStaffId: expect.any(Number) });
      for (const answer of answers.filter((answer) => answer.status === 409)) expectApiError(answer.body, 'PROMOTER_STATE_CONFLICT');
    });

    it('人人分销: every member is a promoter; with a minimum spend, not before it is reached; applying is not needed', async () => {
      await saveReferralSettings(t, owner, { programMode: 'everyone' });
      const carol = await loginWithLink(t, 'promoter-carol');
      expect(await status(carol.token)).toMatchObject({ status: 'active', spendToGoFen: null });
      expectApiError((await apply(carol.token).expect(409)).body, 'PROMOTER_APPLY_NOT_NEEDED');
      expect((await list('status=active')).items.find((row) => row.memberId === carol.memberId)).toMatchObject({ source: 'auto' });
      await saveReferralSettings(t, owner, { programMode: 'everyone', everyoneMinSpendFen: 10000 });
      const dave = await loginWithLink(t, 'promoter-dave');
      expect(await status(dave.token)).toMatchObject({ status: null, spendToGoFen: 10000 });
    });
  });
});
