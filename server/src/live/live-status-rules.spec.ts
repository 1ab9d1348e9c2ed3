import { nextSessionStatus, statusFromPluginLiveStatus, statusFromSchedule } from './live-status-rules';

describe('live status rules', () => {
  it('maps every 小程序直播 live_status to our status', () => {
    expect([101, 102, 103, 104, 105, 106, 107].map(statusFromPluginLiveStatus)).toEqual(['live', 'upcoming', 'ended', 'ended', 'live', 'live', 'ended']);
    expect(statusFromPluginLiveStatus(100)).toBeNull();
    expect(statusFromPluginLiveStatus(108)).toBeNull();
  });

  it('reads a Channels session from its schedule', () => {
    const start = new Date('2026-12-06T12:00:00Z');
    const end = new Date('2026-12-06T14:00:00Z');
    expect(statusFromSchedule(start, end, new Date('2026-12-06T11:59:59Z'))).toBe('upcoming');
    expect(statusFromSchedule(start, end, start)).toBe('live');
    expect(statusFromSchedule(start, end, new Date('2026-12-06T13:59:59Z'))).toBe('live');
    expect(statusFromSchedule(start, end, end)).toBe('ended');
  });

  it('only moves forward and never out of an end or a cancellation', () => {
    expect(nextSessionStatus('upcoming', 'live')).toBe('live');
    expect(nextSessionStatus('upcoming', 'ended')).toBe('ended');
    expect(nextSessionStatus('live', 'ended')).toBe('ended');
    expect(nextSessionStatus('live', 'live')).toBeNull();
    expect(nextSessionStatus('live', 'upcoming')).toBeNull();
    expect(nextSessionStatus('ended', 'live')).toBeNull();
    expect(nextSessionStatus('cancelled', 'live')).toBeNull();
    expect(nextSessionStatus('cancelled', 'ended')).toBeNull();
    expect(nextSessionStatus('upcoming', 'cancelled')).toBeNull();
  });
});
