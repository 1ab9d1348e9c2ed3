import { oncePerLaunch } from './once-per-launch';

describe('oncePerLaunch', () => {
  it('reads once and shares the answer, but reads again after a failure', async () => {
    const read = jest.fn<Promise<string>, []>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue('v1');
    const fetchOnce = oncePerLaunch(read);
    await expect(fetchOnce()).rejects.toThrow('offline');
    expect(await Promise.all([fetchOnce(), fetchOnce()])).toEqual(['v1', 'v1']);
    expect(await fetchOnce()).toBe('v1');
    expect(read).toHaveBeenCalledTimes(2);
  });
});
