import type { EntityManager } from 'typeorm';
import type { GroupBuyCampaignStats, GroupBuyTeamStatus } from '../../../shared';

/** Teams of one campaign in one status, with the virtual seats of those teams. */
export interface TeamStatusCount {
  status: GroupBuyTeamStatus;
  teams: number;
  /** Of these teams, how many carry virtual seats. */
  virtualTeams: number;
  virtualSeats: number;
}

export interface CampaignFigures {
  teams: TeamStatusCount[];
  /** Paid seats (quit and lost seats are not paid any more) and their units. */
  paidSeats: number;
  paidUnits: number;
  /** Σ payable of the paid orders of the campaign's teams and Σ refunded of them. */
  gmvFen: number;
  refundedFen: number;
}

export const NO_FIGURES: CampaignFigures = { teams: [], paidSeats: 0, paidUnits: 0, gmvFen: 0, refundedFen: 0 };

/**
 * The campaign's statistics from its figures. A team is "opened" once its leader paid (forming, succeeded,
 * failed); virtual seats are counted apart and never as members; the success rate is over the teams that
 * ended (succeeded or failed), one decimal, null before any ended.
 */
export function campaignStats(figures: CampaignFigures): GroupBuyCampaignStats {
  const of = (status: GroupBuyTeamStatus) => figures.teams.find((count) => count.status === status);
  const succeeded = of('succeeded');
  const teamsSucceeded = succeeded?.teams ?? 0;
  const teamsFailed = of('failed')?.teams ?? 0;
  const teamsForming = of('forming')?.teams ?? 0;
  const ended = teamsSucceeded + teamsFailed;
  return {
    teamsOpened: teamsSucceeded + teamsFailed + teamsForming,
    teamsSucceeded,
    teamsSucceededVirtually: succeeded?.virtualTeams ?? 0,
    teamsFailed,
    teamsForming,
    successRatePercent: ended === 0 ? null : Math.round((teamsSucceeded * 1000) / ended) / 10,
    realMembers: figures.paidSeats,
    virtualSeats: succeeded?.virtualSeats ?? 0,
    unitsSold: figures.paidUnits,
    gmvFen: figures.gmvFen,
    refundedFen: figures.refundedFen,
  };
}

/**
 * The figures of several campaigns at once: three grouped queries (teams by status, paid seats, the teams'
 * orders), whatever the number of campaigns on the page.
 */
export async function loadCampaignFigures(manager: EntityManager, campaignIds: number[]): Promise<Map<number, CampaignFigures>> {
  const figures = new Map<number, CampaignFigures>(campaignIds.map((id) => [id, { ...NO_FIGURES, teams: [] }]));
  if (campaignIds.length === 0) return figures;
  const [teams, seats, orders] = await Promise.all([
    manager
      .createQueryBuilder()
      .select('t.campaignId', 'campaignId')
      .addSelect('t.status', 'status')
      .addSelect('COUNT(*)', 'teams')
      .addSelect('SUM(CASE WHEN t.virtualSeats > 0 THEN 1 ELSE 0 END)', 'virtualTeams')
      .addSelect('SUM(t.virtualSeats)', 'virtualSeats')
      .from('group_buy_teams', 't')
      .where('t.campaignId IN (:...campaignIds)', { campaignIds })
      .groupBy('t.campaignId')
      .addGroupBy('t.status')
      .getRawMany<{ campaignId: number; status: GroupBuyTeamStatus; teams: unknown; virtualTeams: unknown; virtualSeats: unknown }>(),
    manager
      .createQueryBuilder()
      .select('s.campaignId', 'campaignId')
      .addSelect('COUNT(*)', 'seats')
      .addSelect('SUM(s.quantity)', 'units')
      .from('group_buy_seats', 's')
      .where('s.campaignId IN (:...campaignIds)', { campaignIds })
      .andWhere(`s.status = 'paid'`)
      .groupBy('s.campaignId')
      .getRawMany<{ campaignId: number; seats: unknown; units: unknown }>(),
    manager
      .createQueryBuilder()
      .select('t.campaignId', 'campaignId')
      .addSelect('SUM(o.payableFen)', 'gmv')
      .addSelect('SUM(o.refundedFen)', 'refunded')
      .from('orders', 'o')
      .innerJoin('group_buy_teams', 't', 't.id = o.groupBuyTeamId')
      .where('t.campaignId IN (:...campaignIds)', { campaignIds })
      .andWhere('o.paidAt IS NOT NULL')
      .groupBy('t.campaignId')
      .getRawMany<{ campaignId: number; gmv: unknown; refunded: unknown }>(),
  ]);
  for (const row of teams) {
    figures.get(Number(row.campaignId))?.teams.push({
      status: row.status,
      teams: Number(row.teams),
      virtualTeams: Number(row.virtualTeams ?? 0),
      virtualSeats: Number(row.virtualSeats ?? 0),
    });
  }
  for (const row of seats) {
    const target = figures.get(Number(row.campaignId));
    if (target) Object.assign(target, { paidSeats: Number(row.seats), paidUnits: Number(row.units ?? 0) });
  }
  for (const row of orders) {
    const target = figures.get(Number(row.campaignId));
    if (target) Object.assign(target, { gmvFen: Number(row.gmv ?? 0), refundedFen: Number(row.refunded ?? 0) });
  }
  return figures;
}
