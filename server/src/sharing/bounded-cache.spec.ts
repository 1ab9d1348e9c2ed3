import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('computes a key once, also for concurrent askers, and retries after a failure', async () => {
    const cache = new BoundedCache<string>(10, 1000, (value) => value.length);
    let runs = 0;
    const compute = async () => `v${++runs}`;
    expect(await Promise.all([cache.get('a', compute), cache.get('a', compute)])).toEqual(['v1', 'v1']);
    expect(runs).toBe(1);
    await expect(cache.get('b', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('b', compute)).toBe('v2');
  });

  it('evicts the least recently used entries beyond the entry and byte bounds', async () => {
    const cache = new BoundedCache<string>(2, 10, (value) => value.length);
    await cache.get('a', async () => 'aaaa');
    await cache.get('b', async () => 'bbbb');
    await cache.get('a', async () => 'new');
    await cache.get('c', async () => 'cc');
    // b was the least recently used when c came.
    expect(await cache.get('b', async () => 'again')).toBe('again');
    // Bytes: one 11-byte value is over the bound by itself and leaves nothing else behind.
    await cache.get('big', async () => 'x'.repeat(11));
    expect(cache.size).toBeLessThanOrEqual(1);
  });
});
