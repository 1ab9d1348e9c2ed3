import type { ReferralSettings, ShareLink } from '../../../shared';
import { API, bearer, loginCode, type TestApp } from './test-app';

/** The settings these suites start from: 分销 on, 人人分销, first touch, everyone, 10% / 5%. */
export const REFERRAL_ON: ReferralSettings = {
  enabled: true,
  programMode: 'everyone',
  everyoneMinSpendFen: null,
  bindingMode: 'first_touch',
  bindingValidDays: 30,
  bindScope: 'everyone',
  level1RateBp: 1000,
  level2RateBp: 500,
  selfPurchaseCommission: false,
  afterSaleWindowDays: 7,
  withdrawalMinFen: 100,
  withdrawalDailyLimitFen: 500_000,
};

export async function saveReferralSettings(t: TestApp, ownerToken: string, overrides: Partial<ReferralSettings> = {}): Promise<ReferralSettings> {
  return (await t.api().put(`${API}/admin/referral/settings`).set(bearer(ownerToken)).send({ ...REFERRAL_ON, ...overrides }).expect(200)).body;
}

export interface Shopper {
  token: string;
  memberId: number;
}

/** A WeChat login of `identity`, with the share link the storefront holds (if any), as the storefront sends it. */
export async function loginWithLink(t: TestApp, identity: string, shortId?: string): Promise<Shopper & { isNew: boolean }> {
  const body = { code: loginCode(t, identity), ...(shortId ? { attribution: { shortId } } : {}) };
  const response = await t.api().post(`${API}/auth/wechat-login`).send(body).expect(200);
  return { token: response.body.token, memberId: response.body.member.id, isNew: response.body.isNew };
}

/** The member's page share link (what a share path's `s=` carries). */
export async function shareLinkOf(t: TestApp, sharer: Shopper): Promise<string> {
  const link: ShareLink = (await t.api().post(`${API}/share-links`).set(bearer(sharer.token)).send({ kind: 'page' }).expect(200)).body;
  return link.shortId;
}

/** A logged-in member opens a share link (the storefront's touch, with the member's token). */
export async function openLink(t: TestApp, member: Shopper, shortId: string): Promise<void> {
  await t.api().post(`${API}/touches`).set(bearer(member.token)).send({ deviceId: `device-${member.memberId}-abcdefghijkl`, shortId }).expect(204);
}
