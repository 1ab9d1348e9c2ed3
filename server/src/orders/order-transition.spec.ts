import type { EntityManager } from 'typeorm';
import { transitionOrder } from './order-transition';

describe('transitionOrder', () => {
  const untouchable = new Proxy({}, { get: () => { throw new Error('the database must not be touched'); } }) as EntityManager;

  it('refuses a move the state machine does not have, before touching the database', async () => {
    await expect(transitionOrder(untouchable, 1, 'cancelled', 'paid')).rejects.toThrow('cannot go from cancelled to paid');
    await expect(transitionOrder(untouchable, 1, 'pending_payment', 'shipped')).rejects.toThrow('pending_payment to shipped');
    await expect(transitionOrder(untouchable, 1, 'refunded', 'paid')).rejects.toThrow();
  });
});
