import { campaignStats, NO_FIGURES } from './group-buy-stats';

describe('campaignStats', () => {
  it('answers zeros and no success rate before any team', () => {
    expect(campaignStats(NO_FIGURES)).toEqual({
      teamsOpened: 0, teamsSucceeded: 0, teamsSucceededVirtually: 0, teamsFailed: 0, teamsForming: 0, successRatePercent: null,
      realMembers: 0, virtualSeats: 0, unitsSold: 0, gmvFen: 0, refundedFen: 0,
    });
  });

  it('counts opened teams as forming + succeeded + failed, never opening or cancelled ones', () => {
    const stats = campaignStats({
      ...NO_FIGURES,
      teams: [
        { status: 'opening', teams: 4, virtualTeams: 0, virtualSeats: 0 },
        { status: 'cancelled', teams: 3, virtualTeams: 0, virtualSeats: 0 },
        { status: 'forming', teams: 2, virtualTeams: 0, virtualSeats: 0 },
        { status: 'succeeded', teams: 5, virtualTeams: 2, virtualSeats: 3 },
        { status: 'failed', teams: 1, virtualTeams: 0, virtualSeats: 0 },
      ],
    });
    expect(stats).toEqual(expect.objectContaining({ teamsOpened: 8, teamsForming: 2, teamsSucceeded: 5, teamsSucceededVirtually: 2, teamsFailed: 1, virtualSeats: 3 }));
  });

  it('rates success over ended teams with one decimal', () => {
    const rate = (succeeded: number, failed: number) =>
      campaignStats({
        ...NO_FIGURES,
        teams: [
          { status: 'succeeded', teams: succeeded, virtualTeams: 0, virtualSeats: 0 },
          { status: 'failed', teams: failed, virtualTeams: 0, virtualSeats: 0 },
          { status: 'forming', teams: 7, virtualTeams: 0, virtualSeats: 0 },
        ],
      }).successRatePercent;
    expect(rate(2, 1)).toBe(66.7);
    expect(rate(1, 2)).toBe(33.3);
    expect(rate(1, 0)).toBe(100);
    expect(rate(0, 3)).toBe(0);
    expect(rate(1, 7)).toBe(12.5);
    expect(rate(0, 0)).toBeNull();
  });

  it('keeps virtual seats out of members and units', () => {
    const stats = campaignStats({
      teams: [{ status: 'succeeded', teams: 1, virtualTeams: 1, virtualSeats: 2 }],
      paidSeats: 1,
      paidUnits: 3,
      gmvFen: 8800,
      refundedFen: 100,
    });
    expect(stats).toEqual(expect.objectContaining({ realMembers: 1, virtualSeats: 2, unitsSold: 3, gmvFen: 8800, refundedFen: 100 }));
  });
});
