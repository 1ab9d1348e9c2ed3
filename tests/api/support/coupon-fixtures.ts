import type { AdminCouponTemplate, CreateCouponTemplateRequest } from '../../../shared';
import { API, bearer, type TestApp } from './test-app';

/** A 无门槛 10元 coupon for all products, valid 7 days after claiming, 100 in total, 1 per member, public. */
export const NO_THRESHOLD_10: CreateCouponTemplateRequest = {
  name: '无门槛10元券',
  type: 'no_threshold',
  amountOffFen: 1000,
  scope: 'all',
  validityKind: 'days_after_claim',
  validDays: 7,
  totalQuantity: 100,
  perMemberLimit: 1,
  channel: 'public',
};

/** Creates a coupon template through the admin API as the operator would. */
export async function createTemplate(t: TestApp, operatorToken: string, overrides: Partial<CreateCouponTemplateRequest> = {}): Promise<AdminCouponTemplate> {
  const response = await t.api().post(`${API}/admin/coupon-templates`).set(bearer(operatorToken)).send({ ...NO_THRESHOLD_10, ...overrides });
  if (response.status !== 201) throw new Error(`template not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function claim(t: TestApp, memberToken: string, templateId: number) {
  return t.api().post(`${API}/coupons/${templateId}/claim`).set(bearer(memberToken));
}
