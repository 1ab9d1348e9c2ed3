import type { EntityManager } from 'typeorm';
import type { DomainEvents } from '../../platform/events/domain-events.service';
import { OrderProcess, OrderTransitionBlocked } from './order-process';

/**
 * The order of the steps of one transition, against a manager that logs every statement: guards, the one
 * conditional UPDATE, the event, its flush, the hooks. The real database runs them in tests/api/order-process.
 */
describe('OrderProcess.transition', () => {
  let log: string[];
  let updateWins: boolean;
  let statusNow: string;
  let process: OrderProcess;

  const manager = {
    createQueryBuilder: () => ({
      update: () => ({
        set: (changes: object) => ({
          where: (_sql: string, params: { from: string }) => ({
            execute: async () => (log.push(`UPDATE ${JSON.stringify(changes)} WHERE status=${params.from}`), { affected: updateWins ? 1 : 0 }),
          }),
        }),
      }),
    }),
    findOne: async () => (log.push('SELECT status'), { id: 1, status: statusNow }),
  } as unknown as EntityManager;

  beforeEach(() => {
    log = [];
    updateWins = true;
    statusNow = 'paid';
    process = new OrderProcess({ flush: async () => void log.push('flush events') } as unknown as DomainEvents);
  });

  const ship = (withEvent = true) =>
    process.transition(manager, { orderId: 1, from: 'paid', to: 'shipped', changes: { trackingNo: 'SF1' }, ...(withEvent ? { event: () => log.push('record event') } : {}) });

  it('costs one UPDATE when nothing guards or hooks the move', async () => {
    process.registerHook({ name: 'x.on-paid', to: 'paid', run: async () => void log.push('hook on paid') });
    expect(await ship()).toBe(true);
    expect(log).toEqual(['UPDATE {"trackingNo":"SF1","status":"shipped"} WHERE status=paid', 'record event']);
  });

  it('runs the guards before the update, then the event, then the hooks in registration order after the event is written', async () => {
    process.registerGuard({ name: 'a.guard', to: 'shipped', check: () => (log.push('guard a'), null) });
    process.registerHook({ name: 'b.hook', to: 'shipped', run: async (_manager, ctx) => void log.push(`hook b ${ctx.orderId} ${ctx.from}>${ctx.to}`) });
    process.registerHook({ name: 'a.hook', from: 'paid', to: 'shipped', run: async () => void log.push('hook a') });
    expect(await ship()).toBe(true);
    expect(log).toEqual(['guard a', 'UPDATE {"trackingNo":"SF1","status":"shipped"} WHERE status=paid', 'record event', 'flush events', 'hook b 1 paid>shipped', 'hook a']);
  });

  it('runs no event and no hook for a caller that lost the race', async () => {
    process.registerHook({ name: 'a.hook', to: 'shipped', run: async () => void log.push('hook a') });
    updateWins = false;
    expect(await ship()).toBe(false);
    expect(log).toEqual(['UPDATE {"trackingNo":"SF1","status":"shipped"} WHERE status=paid']);
  });

  it('a veto stops the transition before the update: 409 ORDER_TRANSITION_BLOCKED with the guard\'s sentence', async () => {
    process.registerGuard({ name: 'a.sundays', to: 'shipped', check: () => '周日不发货' });
    process.registerGuard({ name: 'b.never-asked', to: 'shipped', check: () => (log.push('guard b'), null) });
    const blocked = await ship().catch((error: unknown) => error);
    expect(blocked).toBeInstanceOf(OrderTransitionBlocked);
    expect((blocked as OrderTransitionBlocked).getStatus()).toBe(409);
    expect((blocked as OrderTransitionBlocked).body).toEqual({ code: 'ORDER_TRANSITION_BLOCKED', message: '周日不发货', details: { status: 'paid', to: 'shipped', guard: 'a.sundays' } });
    expect(log).toEqual(['SELECT status']);
  });

  it('a veto of an order that already left `from` answers false, as a lost race does', async () => {
    process.registerGuard({ name: 'a.sundays', to: 'shipped', check: () => '周日不发货' });
    statusNow = 'shipped';
    expect(await ship()).toBe(false);
    expect(log).toEqual(['SELECT status']);
  });

  it('refuses a move the state machine does not have, before touching the database', async () => {
    await expect(process.transition(manager, { orderId: 1, from: 'cancelled', to: 'paid' })).rejects.toThrow('cannot go from cancelled to paid');
    expect(log).toEqual([]);
  });
});
