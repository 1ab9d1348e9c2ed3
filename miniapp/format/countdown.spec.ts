import { formatCountdown } from './countdown';

const now = Date.parse('2026-05-01T10:00:00.000Z');
const at = (ms: number) => new Date(now + ms).toISOString();

describe('formatCountdown', () => {
  it('shows minutes and seconds under an hour', () => {
    expect(formatCountdown(at(30 * 60 * 1000), now)).toBe('30分00秒');
    expect(formatCountdown(at(65 * 1000), now)).toBe('01分05秒');
  });

  it('adds hours past an hour', () => {
    expect(formatCountdown(at((3600 + 2 * 60 + 3) * 1000), now)).toBe('1小时02分03秒');
  });

  it('rounds down to whole seconds and ends at zero', () => {
    expect(formatCountdown(at(1999), now)).toBe('00分01秒');
    expect(formatCountdown(at(999), now)).toBeNull();
    expect(formatCountdown(at(-5000), now)).toBeNull();
    expect(formatCountdown('not a date', now)).toBeNull();
  });
});
