import { chinaDay, startOfChinaDay } from '../../../../shared/china-time';

/**
 * The demo history as a plan: who joins when, and what each of their orders goes through, ending at `now`.
 * A pure function of (now, seed), so every first start writes the same kind of shop and a test can check
 * the plan's timelines without a database. The seeder carries it out through the real services.
 */
export interface DemoHistoryPlan {
  members: PlannedMember[];
}

export interface PlannedMember {
  /** openid = DEMO_OPENID_PREFIX + index: how the demo history's rows are found again (to remove them). */
  openid: string;
  nickname: string;
  phone: string;
  address: { recipientName: string; provinceName: string; cityName: string; districtName: string; regionCode: string; detail: string };
  joinedAt: Date;
  /** Where in the list of sellable SKUs this member's favourite sits (0 ≤ x < 1): repeat buyers rebuy it. */
  favouritePick: number;
  orders: PlannedOrder[];
}

export interface PlannedOrder {
  placedAt: Date;
  /** 0 ≤ pick < 1 into the sellable SKUs, and the quantity. */
  lines: { pick: number; quantity: number }[];
  /** The first order within the newcomer coupon's 7 days may spend it. */
  useNewcomerCoupon: boolean;
  /** Spend points (when the member has some). */
  usePoints: boolean;
  /** The shopper cancels it before paying. */
  cancelledAt: Date | null;
  paidAt: Date | null;
  /** 仅退款 before shipping: applied, then refunded (the order ends refunded). */
  refund: { appliedAt: Date; refundedAt: Date } | null;
  shippedAt: Date | null;
  completedAt: Date | null;
  /** An open after-sale case on the shipped or completed order: waiting for staff, or a return waiting for the goods. */
  openCase: { type: 'return_refund'; appliedAt: Date; approvedAt: Date | null } | null;
}

export const DEMO_OPENID_PREFIX = 'demo-history-';
export const DEMO_HISTORY_DAYS = 182;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['静', '敏', '磊', '婷', '洋', '芳', '杰', '娟', '涛', '雪', '晨', '欣', '宇', '琳', '浩', '悦', '然', '岚', '舟', '禾', '一', '子', '小', '若'];
const NICK_STYLES = [(s: string, g: string) => `${s}${g}`, (s: string, g: string) => `${g}${g}`, (s: string, g: string) => `爱喝茶的${s}${g}`, (_s: string, g: string) => `${g}小姐`, (s: string) => `${s}先生`, (_s: string, g: string) => `${g}${g}酱`];
const PLACES = [
  { provinceName: '浙江省', cityName: '杭州市', districtName: '西湖区', regionCode: '330106', street: '文三路' },
  { provinceName: '上海市', cityName: '上海市', districtName: '徐汇区', regionCode: '310104', street: '漕溪北路' },
  { provinceName: '北京市', cityName: '北京市', districtName: '朝阳区', regionCode: '110105', street: '建国路' },
  { provinceName: '广东省', cityName: '深圳市', districtName: '南山区', regionCode: '440305', street: '科技园路' },
  { provinceName: '江苏省', cityName: '苏州市', districtName: '姑苏区', regionCode: '320508', street: '人民路' },
  { provinceName: '四川省', cityName: '成都市', districtName: '武侯区', regionCode: '510107', street: '科华北路' },
  { provinceName: '福建省', cityName: '厦门市', districtName: '思明区', regionCode: '350203', street: '湖滨南路' },
  { provinceName: '湖北省', cityName: '武汉市', districtName: '洪山区', regionCode: '420111', street: '珞喻路' },
];

/** A small seeded generator (mulberry32): the same seed gives the same shop. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `members` shoppers joining over the last DEMO_HISTORY_DAYS days (more of them lately), most buying once or
 * more at their own rhythm; recent orders still waiting to ship or to arrive, a few cancelled or refunded, some
 * open after-sale cases; a few members join and buy today so 今日 is not empty.
 */
export function planDemoHistory(now: Date, { members = 300, seed = 20240601 } = {}): DemoHistoryPlan {
  const next = random(seed);
  const between = (from: number, to: number) => from + next() * (to - from);
  const pickOf = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const start = now.getTime() - DEMO_HISTORY_DAYS * DAY;
  const startOfToday = startOfChinaDay(chinaDay(now)).getTime();
  const latest = now.getTime() - 2 * MINUTE;
  /** A time in the shop's waking hours (08:00–23:00 China) of the China day of `at`, not before `at` nor after `latest`. */
  const daytime = (at: number) => {
    const dayStart = startOfChinaDay(chinaDay(new Date(at))).getTime();
    return Math.min(latest, Math.max(at, dayStart + between(8 * HOUR, 23 * HOUR)));
  };
  const todayTime = () => between(startOfToday, latest);

  const planned: PlannedMember[] = [];
  for (let index = 0; index < members; index++) {
    // The last few join today (and buy at once); the others spread over the half year, more of them lately.
    const joinsToday = index >= members - 4;
    const joinedAt = joinsToday ? todayTime() : Math.min(latest, start + Math.pow(next(), 0.8) * (DEMO_HISTORY_DAYS * DAY));
    const place = pickOf(PLACES);
    const surname = pickOf(SURNAMES);
    const given = pickOf(GIVEN) + (next() < 0.5 ? pickOf(GIVEN) : '');
    const nickname = pickOf(NICK_STYLES)(surname, given).slice(0, 12);
    const roll = next();
    const orderCount = joinsToday ? 1 : roll < 0.15 ? 0 : roll < 0.5 ? 1 : roll < 0.72 ? 2 : roll < 0.86 ? 3 : 4 + Math.floor(next() * 4);
    const rhythmDays = between(10, 40);
    const member: PlannedMember = {
      openid: `${DEMO_OPENID_PREFIX}${String(index + 1).padStart(4, '0')}`,
      nickname,
      phone: `13${String(800000000 + ((index * 7_919_311) % 199_999_999)).padStart(9, '0')}`,
      address: {
        recipientName: `${surname}${given}`.slice(0, 4),
        provinceName: place.provinceName,
        cityName: place.cityName,
        districtName: place.districtName,
        regionCode: place.regionCode,
        detail: `${place.street}${1 + Math.floor(next() * 300)}号${1 + Math.floor(next() * 20)}栋${101 + Math.floor(next() * 20)}室`,
      },
      joinedAt: new Date(joinedAt),
      favouritePick: next(),
      orders: [],
    };
    let placedAt = joinsToday ? Math.min(latest, joinedAt + between(2 * MINUTE, 30 * MINUTE)) : daytime(joinedAt + between(0.2 * HOUR, 6 * DAY));
    for (let n = 0; n < orderCount && placedAt < latest; n++) {
      member.orders.push(planOrder(placedAt, n === 0 && placedAt - joinedAt < 6 * DAY && next() < 0.6, now, next));
      placedAt = daytime(placedAt + Math.max(1, rhythmDays * between(0.6, 1.5)) * DAY);
    }
    planned.push(member);
  }
  markOpenCases(planned, now);
  // A few repeat buyers also bought earlier today, so 今日 has returning customers too.
  for (const member of planned.filter((m) => m.orders.length >= 2 && m.orders[m.orders.length - 1].placedAt.getTime() < startOfToday - 3 * DAY).slice(0, 3)) {
    member.orders.push(planOrder(Math.max(todayTime(), member.orders[member.orders.length - 1].placedAt.getTime() + HOUR), false, now, next));
  }
  return { members: planned };
}

/** One order's timeline from its placement; every step is at or before now - 1 minute. */
function planOrder(placedAtMs: number, useNewcomerCoupon: boolean, now: Date, next: () => number): PlannedOrder {
  const limit = now.getTime() - MINUTE;
  const at = (ms: number) => new Date(Math.min(limit, ms));
  const placedAt = at(placedAtMs);
  const order: PlannedOrder = {
    placedAt,
    lines: [{ pick: next(), quantity: next() < 0.8 ? 1 : 2 }],
    useNewcomerCoupon,
    usePoints: next() < 0.5,
    cancelledAt: null,
    paidAt: null,
    refund: null,
    shippedAt: null,
    completedAt: null,
    openCase: null,
  };
  if (next() < 0.35) order.lines.push({ pick: next(), quantity: 1 });
  // The favourite (pick -1 is resolved to the member's) is in most orders: that is what makes repeat products.
  if (next() < 0.65) order.lines[0].pick = -1;
  if (next() < 0.04) {
    order.cancelledAt = at(placedAt.getTime() + (2 + next() * 10) * MINUTE);
    return order;
  }
  order.paidAt = at(placedAt.getTime() + (0.5 + next() * 5) * MINUTE);
  const age = now.getTime() - order.paidAt.getTime();
  if (age > 2 * DAY && next() < 0.04) {
    const appliedAt = order.paidAt.getTime() + (1 + next() * 5) * HOUR;
    order.refund = { appliedAt: at(appliedAt), refundedAt: at(appliedAt + (2 + next() * 20) * HOUR) };
    return order;
  }
  // Shipped within a day or so; a good part of what was paid in the last day and a half is still to ship.
  const shippedAt = order.paidAt.getTime() + (3 + next() * 24) * HOUR;
  if (shippedAt > limit || (age < 36 * HOUR && next() < 0.6)) return order;
  order.shippedAt = at(shippedAt);
  // Buyers confirm 2–6 days after shipping, or the 10-day automatic confirmation does it.
  const completedAt = shippedAt + (next() < 0.7 ? 2 + next() * 4 : 10) * DAY;
  if (completedAt <= limit) order.completedAt = at(completedAt);
  return order;
}

/**
 * Open after-sale cases on recent shipped or completed orders: two returns approved and waiting for the goods,
 * two cases waiting for staff, so the 待办 strip has work on it.
 */
function markOpenCases(members: PlannedMember[], now: Date): void {
  const recent = members
    .flatMap((member) => member.orders)
    .filter((order) => order.shippedAt && now.getTime() - order.shippedAt.getTime() < 9 * DAY && now.getTime() - order.shippedAt.getTime() > DAY)
    .slice(0, 4);
  for (const [index, order] of recent.entries()) {
    const appliedAt = new Date(Math.min(now.getTime() - 3 * HOUR, order.shippedAt!.getTime() + DAY));
    // The case stops the order where it was: shipped, or completed if the buyer had confirmed before applying.
    if (order.completedAt && order.completedAt > appliedAt) order.completedAt = null;
    order.openCase = { type: 'return_refund', appliedAt, approvedAt: index < 2 ? new Date(appliedAt.getTime() + 2 * HOUR) : null };
  }
}
