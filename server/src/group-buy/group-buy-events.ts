/** Domain events of 拼团 (recorded in the transaction that changes the team; see src/platform/events/). */
export const GroupBuyEvents = {
  /** A team moved forming → succeeded (every seat paid, or completed with virtual seats at expiry); its orders were released. */
  teamSucceeded: 'group_buy.team_succeeded',
  /** A team moved to failed (expired short of members, or its campaign ended); its paid orders are refunded by the sweep. */
  teamFailed: 'group_buy.team_failed',
} as const;

export interface GroupBuyTeamEndedPayload {
  teamId: number;
  campaignId: number;
  /** Seats filled by 模拟成团 (0 unless completed virtually, always 0 for a failed team). */
  virtualSeats: number;
}
