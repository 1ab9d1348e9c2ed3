import { newEventId } from './domain-event';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './delivery-backoff';
import { EventFollowers } from './event-followers';

describe('EventFollowers', () => {
  const handle = async () => undefined;

  it('finds followers by event type and by name', () => {
    const followers = new EventFollowers();
    followers.register({ name: 'a.on-paid', label: '测试跟随者', on: ['order.paid'], handle });
    followers.register({ name: 'b.on-paid-and-refunded', label: '测试跟随者', on: ['order.paid', 'order.refunded'], handle });
    expect(followers.of('order.paid').map((f) => f.name)).toEqual(['a.on-paid', 'b.on-paid-and-refunded']);
    expect(followers.of('order.refunded').map((f) => f.name)).toEqual(['b.on-paid-and-refunded']);
    expect(followers.of('order.created')).toEqual([]);
    expect(followers.named('a.on-paid')?.on).toEqual(['order.paid']);
    expect(followers.named('missing')).toBeUndefined();
  });

  it('refuses a second follower of the same name (the name keys its deliveries)', () => {
    const followers = new EventFollowers();
    followers.register({ name: 'a.on-paid', label: '测试跟随者', on: ['order.paid'], handle });
    expect(() => followers.register({ name: 'a.on-paid', label: '测试跟随者', on: ['order.shipped'], handle })).toThrow('registered twice');
  });
});

describe('retryDelayMs', () => {
  it('doubles from 30 seconds up to an hour', () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(MAX_DELIVERY_ATTEMPTS)).toBe(3_600_000);
  });

  it('gives up after about half a day of retries', () => {
    let total = 0;
    for (let attempts = 1; attempts < MAX_DELIVERY_ATTEMPTS; attempts++) total += retryDelayMs(attempts);
    expect(total / 3_600_000).toBeGreaterThan(10);
    expect(total / 3_600_000).toBeLessThan(16);
  });
});

describe('newEventId', () => {
  it('is 32 characters, sorts by time and differs within one millisecond', () => {
    const early = newEventId(1_700_000_000_000);
    const later = newEventId(1_700_000_000_001);
    expect(early).toHaveLength(32);
    expect(early < later).toBe(true);
    expect(newEventId(5)).not.toBe(newEventId(5));
  });
});
