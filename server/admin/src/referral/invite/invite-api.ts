import type { Paginated } from '@shared/api/common';
import type { AdminInviteReward, InviteRewardStatus, InviteRule, InviteRuleView } from '@shared/api/invite-rewards';
import { http } from '@/api/client';

export function fetchInviteRule(): Promise<InviteRuleView> {
  return http.get<InviteRuleView>('/referral/invite-rule');
}

export function saveInviteRule(rule: InviteRule): Promise<InviteRuleView> {
  return http.put<InviteRuleView>('/referral/invite-rule', rule);
}

export function fetchInviteRewards(query: { page: number; pageSize: number; status?: InviteRewardStatus }): Promise<Paginated<AdminInviteReward>> {
  return http.get<Paginated<AdminInviteReward>>('/referral/invite-rewards', { ...query });
}
