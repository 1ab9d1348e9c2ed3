import type { Paginated } from '@shared/api/common';
import type {
  AdminCouponTemplate,
  AdminCouponTemplateQuery,
  CouponTemplateStats,
  CreateCouponTemplateRequest,
  IssueCouponsRequest,
  IssueCouponsResponse,
  UpdateCouponTemplateRequest,
} from '@shared/api/coupons';
import { http } from '@/api/client';

export function fetchCouponTemplates(query: AdminCouponTemplateQuery): Promise<Paginated<AdminCouponTemplate>> {
  return http.get<Paginated<AdminCouponTemplate>>('/coupon-templates', { ...query });
}

export function fetchCouponTemplate(id: number): Promise<AdminCouponTemplate> {
  return http.get<AdminCouponTemplate>(`/coupon-templates/${id}`);
}

export function createCouponTemplate(body: CreateCouponTemplateRequest): Promise<AdminCouponTemplate> {
  return http.post<AdminCouponTemplate>('/coupon-templates', body);
}

export function updateCouponTemplate(id: number, body: UpdateCouponTemplateRequest): Promise<AdminCouponTemplate> {
  return http.patch<AdminCouponTemplate>(`/coupon-templates/${id}`, body);
}

/** pause: active → paused; resume: paused → active; end: active or paused → ended (final). */
export type CouponStatusAction = 'pause' | 'resume' | 'end';

export function changeCouponTemplateStatus(id: number, action: CouponStatusAction): Promise<AdminCouponTemplate> {
  return http.post<AdminCouponTemplate>(`/coupon-templates/${id}/${action}`);
}

export function fetchCouponTemplateStats(id: number): Promise<CouponTemplateStats> {
  return http.get<CouponTemplateStats>(`/coupon-templates/${id}/stats`);
}

export function issueCoupons(id: number, body: IssueCouponsRequest): Promise<IssueCouponsResponse> {
  return http.post<IssueCouponsResponse>(`/coupon-templates/${id}/issue`, body);
}
