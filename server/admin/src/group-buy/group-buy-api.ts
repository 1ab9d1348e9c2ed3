import type { Paginated } from '@shared/api/common';
import type {
  GroupBuyAdminTeam,
  GroupBuyCampaign,
  GroupBuyCampaignInput,
  GroupBuyCampaignPage,
  GroupBuyCampaignState,
  GroupBuyTeamStatus,
} from '@shared/api/group-buy';
import { http } from '@/api/client';

/** The console's calls to the 拼团 endpoints (shared/api/group-buy.ts is the contract). */
export interface GroupBuyCampaignQuery {
  state?: GroupBuyCampaignState;
  page: number;
  pageSize: number;
}

export function fetchGroupBuyCampaigns(query: GroupBuyCampaignQuery): Promise<GroupBuyCampaignPage> {
  return http.get<GroupBuyCampaignPage>('/group-buy/campaigns', { ...query });
}

export function createGroupBuyCampaign(body: GroupBuyCampaignInput): Promise<GroupBuyCampaign> {
  return http.post<GroupBuyCampaign>('/group-buy/campaigns', body);
}

export function updateGroupBuyCampaign(id: number, body: GroupBuyCampaignInput): Promise<GroupBuyCampaign> {
  return http.put<GroupBuyCampaign>(`/group-buy/campaigns/${id}`, body);
}

/** 提前结束: 204; 409 GROUP_BUY_CAMPAIGN_ENDED when it had already ended. */
export function endGroupBuyCampaign(id: number): Promise<void> {
  return http.post<void>(`/group-buy/campaigns/${id}/end`);
}

export interface GroupBuyTeamQuery {
  status?: GroupBuyTeamStatus;
  page: number;
  pageSize: number;
}

export function fetchGroupBuyTeams(campaignId: number, query: GroupBuyTeamQuery): Promise<Paginated<GroupBuyAdminTeam>> {
  return http.get<Paginated<GroupBuyAdminTeam>>(`/group-buy/campaigns/${campaignId}/teams`, { ...query });
}
