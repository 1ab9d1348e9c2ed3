import { chinaDay } from '../../../../shared/china-time';
import { DEMO_HISTORY_DAYS, DEMO_OPENID_PREFIX, planDemoHistory } from './demo-history-plan';

describe('planDemoHistory', () => {
  const now = new Date('2026-03-10T01:30:00Z'); // 09:30 in China
  const plan = planDemoHistory(now);
  const orders = plan.members.flatMap((member) => member.orders);

  it('is the same shop every time for the same moment', () => {
    expect(planDemoHistory(now)).toEqual(plan);
  });

  it('a few hundred members over half a year, most of them buying, some again and again', () => {
    expect(plan.members).toHaveLength(300);
    expect(new Set(plan.members.map((member) => member.openid)).size).toBe(300);
    expect(plan.members.every((member) => member.openid.startsWith(DEMO_OPENID_PREFIX))).toBe(true);
    const earliest = Math.min(...plan.members.map((member) => member.joinedAt.getTime()));
    expect(earliest).toBeGreaterThanOrEqual(now.getTime() - DEMO_HISTORY_DAYS * 86_400_000);
    const buyers = plan.members.filter((member) => member.orders.some((order) => order.paidAt));
    const repeat = plan.members.filter((member) => member.orders.filter((order) => order.paidAt).length >= 2);
    expect(buyers.length).toBeGreaterThan(200);
    expect(repeat.length).toBeGreaterThan(60);
    expect(orders.length).toBeGreaterThan(400);
    expect(orders.length).toBeLessThan(900);
  });

  it('every timeline runs forward and ends before now', () => {
    for (const member of plan.members) {
      let previous = member.joinedAt.getTime();
      for (const order of member.orders) {
        const steps = [order.placedAt, order.cancelledAt ?? order.paidAt, order.refund?.appliedAt, order.refund?.refundedAt, order.shippedAt, order.openCase?.appliedAt, order.openCase?.approvedAt, order.completedAt];
        expect(order.placedAt.getTime()).toBeGreaterThanOrEqual(previous);
        let last = member.joinedAt.getTime();
        for (const step of steps.filter((s): s is Date => !!s)) {
          expect(step.getTime()).toBeGreaterThanOrEqual(last);
          expect(step.getTime()).toBeLessThan(now.getTime());
          last = step.getTime();
        }
        // A cancelled order is never paid; a refunded one is never shipped; only the first order spends the newcomer coupon.
        if (order.cancelledAt) expect(order.paidAt).toBeNull();
        if (order.refund) expect(order.shippedAt).toBeNull();
        if (order.completedAt || order.openCase) expect(order.shippedAt).not.toBeNull();
        if (order.openCase && order.completedAt) expect(order.completedAt.getTime()).toBeLessThanOrEqual(order.openCase.appliedAt.getTime());
        previous = order.placedAt.getTime();
      }
      expect(member.orders.slice(1).some((order) => order.useNewcomerCoupon)).toBe(false);
    }
  });

  it('today has paying members and new members; the to-dos have work; some orders are refunded or cancelled', () => {
    const today = chinaDay(now);
    expect(orders.filter((order) => order.paidAt && chinaDay(order.paidAt) === today).length).toBeGreaterThanOrEqual(4);
    expect(plan.members.filter((member) => chinaDay(member.joinedAt) === today).length).toBeGreaterThanOrEqual(4);
    expect(orders.filter((order) => order.paidAt && !order.shippedAt && !order.refund).length).toBeGreaterThan(0);
    expect(orders.filter((order) => order.openCase?.approvedAt).length).toBe(2);
    expect(orders.filter((order) => order.openCase && !order.openCase.approvedAt).length).toBe(2);
    expect(orders.filter((order) => order.refund).length).toBeGreaterThan(5);
    expect(orders.filter((order) => order.cancelledAt).length).toBeGreaterThan(5);
    expect(orders.filter((order) => order.useNewcomerCoupon).length).toBeGreaterThan(50);
  });
});
