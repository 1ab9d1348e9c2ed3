import { OrderSteps, type OrderGuard, type OrderHook } from './order-steps';

describe('OrderSteps', () => {
  const guard = (name: string, match: Pick<OrderGuard, 'to' | 'from'>): OrderGuard => ({ name, ...match, check: () => null });
  const hook = (name: string, match: Pick<OrderHook, 'to' | 'from'>): OrderHook => ({ name, ...match, run: async () => undefined });
  const names = (steps: readonly { name: string }[]) => steps.map((step) => step.name);

  it('finds the guards and hooks of a move in registration order, by `to` alone or by `from` and `to`', () => {
    const steps = new OrderSteps();
    steps.addGuard(guard('b.any-into-shipped', { to: 'shipped' }));
    steps.addGuard(guard('a.paid-into-shipped', { from: 'paid', to: 'shipped' }));
    steps.addGuard(guard('c.back-from-after-sale', { from: 'after_sale', to: ['paid', 'shipped', 'completed'] }));
    steps.addHook(hook('z.into-refunded', { to: 'refunded' }));
    steps.addHook(hook('y.into-after-sale-from-paid-or-shipped', { from: ['paid', 'shipped'], to: 'after_sale' }));

    // Registration order, not name order.
    expect(names(steps.guardsOf('paid', 'shipped'))).toEqual(['b.any-into-shipped', 'a.paid-into-shipped']);
    // `to: 'shipped'` without `from` covers every way into shipped, here the way back from an after-sale case.
    expect(names(steps.guardsOf('after_sale', 'shipped'))).toEqual(['b.any-into-shipped', 'c.back-from-after-sale']);
    expect(names(steps.guardsOf('after_sale', 'completed'))).toEqual(['c.back-from-after-sale']);
    expect(names(steps.guardsOf('shipped', 'completed'))).toEqual([]);
    expect(names(steps.guardsOf('pending_payment', 'paid'))).toEqual([]);

    expect(names(steps.hooksOf('refunding', 'refunded'))).toEqual(['z.into-refunded']);
    expect(names(steps.hooksOf('paid', 'after_sale'))).toEqual(['y.into-after-sale-from-paid-or-shipped']);
    expect(names(steps.hooksOf('shipped', 'after_sale'))).toEqual(['y.into-after-sale-from-paid-or-shipped']);
    expect(names(steps.hooksOf('completed', 'after_sale'))).toEqual([]);
    // Guards and hooks are kept apart.
    expect(names(steps.hooksOf('paid', 'shipped'))).toEqual([]);
    expect(names(steps.guardsOf('refunding', 'refunded'))).toEqual([]);
  });

  it('runs hooks on shared rows after the others, whenever they were registered', () => {
    const steps = new OrderSteps();
    steps.addHook({ ...hook('catalog.sales', { from: 'pending_payment', to: 'paid' }), sharedRows: true });
    steps.addHook(hook('referral.commission', { from: 'pending_payment', to: 'paid' }));
    steps.addHook({ ...hook('group.seats', { from: 'pending_payment', to: 'paid' }), sharedRows: true });
    steps.addHook(hook('loyalty.window', { from: 'pending_payment', to: 'paid' }));
    expect(names(steps.hooksOf('pending_payment', 'paid'))).toEqual(['referral.commission', 'loyalty.window', 'catalog.sales', 'group.seats']);
  });

  it('refuses a move the state machine does not have, and a state nothing moves into', () => {
    const steps = new OrderSteps();
    expect(() => steps.addGuard(guard('x.cancel-paid', { from: 'paid', to: 'cancelled' }))).toThrow('x.cancel-paid: an order cannot go from paid to cancelled');
    expect(() => steps.addHook(hook('x.some-impossible', { from: ['pending_payment', 'shipped'], to: 'paid' }))).toThrow('cannot go from shipped to paid');
    expect(() => steps.addHook(hook('x.into-pending', { to: 'pending_payment' }))).toThrow('no order can go into pending_payment');
    // Nothing of a refused registration stays behind, and its name is still free.
    expect(steps.guardsOf('paid', 'shipped')).toEqual([]);
    expect(() => steps.addGuard(guard('x.cancel-paid', { from: 'pending_payment', to: 'cancelled' }))).not.toThrow();
  });

  it('refuses a second guard or hook of the same name', () => {
    const steps = new OrderSteps();
    steps.addGuard(guard('a.one', { to: 'shipped' }));
    expect(() => steps.addGuard(guard('a.one', { to: 'completed' }))).toThrow('a.one is registered twice');
    expect(() => steps.addHook(hook('a.one', { to: 'completed' }))).toThrow('registered twice');
  });

  it('refuses a guard on a move that records money WeChat Pay already moved (paid, refunded); hooks may run there', () => {
    const steps = new OrderSteps();
    expect(() => steps.addGuard(guard('x.no-late-payments', { to: 'paid' }))).toThrow('pending_payment → paid records what WeChat Pay already did');
    expect(() => steps.addGuard(guard('x.hold-refunds', { from: 'refunding', to: 'refunded' }))).toThrow('refunding → refunded records what WeChat Pay already did');
    // Naming `from` keeps the moves a guard may veto: an after-sale case rejected back to paid.
    expect(() => steps.addGuard(guard('x.no-late-payments', { from: 'after_sale', to: 'paid' }))).not.toThrow();
    expect(names(steps.guardsOf('pending_payment', 'paid'))).toEqual([]);
    expect(() => steps.addHook(hook('y.team-seat-on-paid', { from: 'pending_payment', to: 'paid' }))).not.toThrow();
  });
});
