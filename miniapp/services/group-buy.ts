import type { Paginated } from '@shared/api/common';
import type { GroupBuyMyTeam, GroupBuyOffer, GroupBuyProductOffer, GroupBuyTeamView } from '@shared/api/group-buy';
import { request } from './request';

/** 拼团专区: running campaigns. */
export function listGroupBuyOffers(page: number, pageSize: number): Promise<Paginated<GroupBuyOffer>> {
  return request<Paginated<GroupBuyOffer>>('/group-buy/offers', { query: { page, pageSize }, toast: false });
}

/** The product's offer and the teams the viewer may join ({ offer: null } when the product is in no campaign). */
export function fetchProductGroupBuy(productId: number): Promise<GroupBuyProductOffer> {
  return request<GroupBuyProductOffer>(`/group-buy/products/${productId}`, { toast: false });
}

export function fetchGroupBuyTeam(teamId: number): Promise<GroupBuyTeamView> {
  return request<GroupBuyTeamView>(`/group-buy/teams/${teamId}`, { toast: false });
}

/** 我的拼团. */
export function listMyGroupBuyTeams(page: number, pageSize: number): Promise<Paginated<GroupBuyMyTeam>> {
  return request<Paginated<GroupBuyMyTeam>>('/me/group-buy/teams', { query: { page, pageSize }, toast: false });
}

/** 取消拼团并退款 (204): frees the seat and refunds the whole order while the team is forming. */
export function quitGroupBuy(orderNo: string): Promise<void> {
  return request<void>(`/group-buy/orders/${encodeURIComponent(orderNo)}/quit`, { method: 'POST' });
}
