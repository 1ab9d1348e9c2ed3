import type { GroupBuyAdminTeam, GroupBuyCampaign, GroupBuyCampaignStats, GroupBuySeatStatus } from '@shared/api/group-buy';
import { chinaDateTime } from '@shared/china-time';
import type { StaffRole } from '@shared/roles';
import { canManageGroupBuy } from '@/auth/access';

/** A seat's state as staff read it. */
export const SEAT_STATUS_LABELS: Record<GroupBuySeatStatus, string> = {
  reserved: '待付款',
  paid: '已付款',
  released: '已释放',
  quit: '已退出退款',
  lost: '超时付款已退款',
};

/** 成团数, with the teams completed by 模拟成团 said apart: "12（含模拟 2）". */
export function succeededText(stats: GroupBuyCampaignStats): string {
  return stats.teamsSucceededVirtually > 0 ? `${stats.teamsSucceeded}（含模拟 ${stats.teamsSucceededVirtually}）` : String(stats.teamsSucceeded);
}

/** 成团率 with one decimal; a dash before any team ended. */
export function successRateText(stats: GroupBuyCampaignStats): string {
  return stats.successRatePercent === null ? '—' : `${stats.successRatePercent.toFixed(1)}%`;
}

/** The warning beside a campaign whose group price is no longer below the SKU's list price (shoppers pay the list price), else null. */
export function groupPriceWarning(campaign: Pick<GroupBuyCampaign, 'groupPriceNotBelowList'>): string | null {
  return campaign.groupPriceNotBelowList ? '拼团价不低于售价' : null;
}

/** A team's seats: "已付 2 / 3（模拟 1）"; the virtual part only when there is one. */
export function seatsText(team: Pick<GroupBuyAdminTeam, 'seatsPaid' | 'teamSize' | 'virtualSeats'>): string {
  return `已付 ${team.seatsPaid} / ${team.teamSize}${team.virtualSeats > 0 ? `（模拟 ${team.virtualSeats}）` : ''}`;
}

/** "0 = 不限" limits as staff read them. */
export function limitText(value: number, unit: string): string {
  return value === 0 ? '不限' : `${value} ${unit}`;
}

/** A moment in China time to the minute, as the campaign window is entered. */
export function chinaMinute(iso: string): string {
  return chinaDateTime(new Date(iso)).slice(0, 16);
}

/** A moment in China time, or a dash for a step that has not happened. */
export function chinaMoment(iso: string | null): string {
  return iso ? chinaDateTime(new Date(iso)) : '—';
}

export type CampaignAction = 'edit' | 'view' | 'end';

/**
 * What this role may do to a campaign in its state, besides reading its teams: write roles edit a campaign that has not
 * ended and end it early; an ended campaign (and a read-only role) opens read-only.
 */
export function campaignActions(campaign: Pick<GroupBuyCampaign, 'state'>, role: StaffRole): CampaignAction[] {
  if (!canManageGroupBuy(role) || campaign.state === 'ended') return ['view'];
  return ['edit', 'end'];
}
