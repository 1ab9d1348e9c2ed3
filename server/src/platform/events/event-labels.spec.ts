import { DOMAIN_EVENT_LABELS } from '../../../../shared';
import { CouponEvents } from '../../coupons/coupon-events';
import { GroupBuyEvents } from '../../group-buy/group-buy-events';
import { PointsEvents } from '../../loyalty/points-events';
import { MemberEvents } from '../../members/member-events';
import { OrderEvents } from '../../orders/order-events';

/** The owner reads events in Chinese on 任务: every event type the domains record has a label (add yours here). */
describe('domain event labels', () => {
  it('names every event type in Chinese', () => {
    const types = [OrderEvents, MemberEvents, CouponEvents, PointsEvents, GroupBuyEvents].flatMap((events) => Object.values(events));
    expect(types.filter((type) => !DOMAIN_EVENT_LABELS[type])).toEqual([]);
    expect(Object.keys(DOMAIN_EVENT_LABELS).sort()).toEqual([...types].sort());
  });
});
