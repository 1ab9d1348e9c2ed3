import type { Paginated } from '@shared/api/common';
import type {
  AdminCommissionQuery,
  AdminCommissionRow,
  AdminPromoter,
  ProductCommissionRate,
  PromoterStatus,
  PromoterTeamTree,
  ReferralSettings,
  SaveProductCommissionRateRequest,
} from '@shared/api/referral';
import { http, requestFile } from '@/api/client';

// 分销 in the console (server: src/referral/admin-referral.controller.ts).

export function fetchReferralSettings(): Promise<ReferralSettings> {
  return http.get<ReferralSettings>('/referral/settings');
}

export function saveReferralSettings(settings: ReferralSettings): Promise<ReferralSettings> {
  return http.put<ReferralSettings>('/referral/settings', settings);
}

export function fetchProductRates(): Promise<ProductCommissionRate[]> {
  return http.get<ProductCommissionRate[]>('/referral/product-rates');
}

export function saveProductRate(productId: number, body: SaveProductCommissionRateRequest): Promise<ProductCommissionRate> {
  return http.put<ProductCommissionRate>(`/referral/product-rates/${productId}`, body);
}

export function removeProductRate(productId: number): Promise<void> {
  return http.delete<void>(`/referral/product-rates/${productId}`);
}

export function fetchPromoters(query: { status?: PromoterStatus; keyword?: string; page: number; pageSize: number }): Promise<Paginated<AdminPromoter>> {
  return http.get<Paginated<AdminPromoter>>('/referral/promoters', query);
}

export type PromoterDecision = 'approve' | 'reject' | 'freeze' | 'unfreeze';

/** Approve / unfreeze take no body; reject and freeze need the reason shown to the promoter. */
export function decidePromoter(memberId: number, decision: PromoterDecision, reason?: string): Promise<{ memberId: number; status: PromoterStatus }> {
  return http.post(`/referral/promoters/${memberId}/${decision}`, reason === undefined ? undefined : { reason });
}

export function fetchPromoterTeam(memberId: number): Promise<PromoterTeamTree> {
  return http.get<PromoterTeamTree>(`/referral/promoters/${memberId}/team`);
}

export function fetchCommissions(query: AdminCommissionQuery): Promise<Paginated<AdminCommissionRow>> {
  return http.get<Paginated<AdminCommissionRow>>('/referral/commissions', { ...query });
}

export function exportCommissions(filters: Omit<AdminCommissionQuery, 'page' | 'pageSize'>) {
  return requestFile('/referral/commissions/export', { ...filters });
}
