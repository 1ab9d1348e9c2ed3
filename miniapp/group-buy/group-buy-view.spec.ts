import type { GroupBuyTeamFace, GroupBuyTeamView } from '@shared/api/group-buy';
import { ErrorCode } from '@shared/errors';
import { formatCountdown } from '@/format/countdown';
import {
  groupBuyProduct,
  groupBuyRefusal,
  groupBuySkus,
  groupSaving,
  leaderPrice,
  memberUnitCap,
  membersMissing,
  seatRow,
  teamActions,
  teamBanner,
  teamShareTitle,
} from './group-buy-view';

const leader: GroupBuyTeamFace = { avatarUrl: '/a.png', nickname: '阿茶', isLeader: true, isVirtual: false };
const member: GroupBuyTeamFace = { avatarUrl: null, nickname: '小李', isLeader: false, isVirtual: false };
const virtual: GroupBuyTeamFace = { avatarUrl: null, nickname: '拼团用户', isLeader: false, isVirtual: true };

describe('the seat row', () => {
  it('shows the paid members, leader first, then a 「?」 for every open seat', () => {
    const row = seatRow({ teamSize: 4, faces: [leader, member] });
    expect(row.map((seat) => seat.kind)).toEqual(['member', 'member', 'empty', 'empty']);
    expect(row[0]).toEqual({ kind: 'member', face: leader });
    expect(membersMissing({ teamSize: 4, faces: [leader, member] })).toBe(2);
  });

  it('shows virtual seats of 模拟成团 as placeholders, not as members, and leaves no open seat', () => {
    const row = seatRow({ teamSize: 3, faces: [leader, virtual, virtual] });
    expect(row.map((seat) => seat.kind)).toEqual(['member', 'virtual', 'virtual']);
    expect(membersMissing({ teamSize: 3, faces: [leader, virtual, virtual] })).toBe(0);
  });

  it('never draws more circles than the team has seats', () => {
    expect(seatRow({ teamSize: 2, faces: [leader, member, member] })).toHaveLength(2);
    expect(membersMissing({ teamSize: 2, faces: [leader, member, member] })).toBe(0);
  });
});

describe('the team countdown', () => {
  const now = Date.parse('2026-12-06T10:00:00Z');
  it('counts hours past a day of validity, then minutes and seconds', () => {
    expect(formatCountdown('2026-12-08T10:00:05Z', now)).toBe('48小时00分05秒');
    expect(formatCountdown('2026-12-06T10:09:03Z', now)).toBe('09分03秒');
  });
  it('is gone once the team expired (the page then reloads the team)', () => {
    expect(formatCountdown('2026-12-06T10:00:00Z', now)).toBeNull();
    expect(formatCountdown('2026-12-06T09:00:00Z', now)).toBeNull();
  });
});

describe('the state banner', () => {
  it('says how many are missing while forming, and that a failed team was refunded', () => {
    const team = (status: GroupBuyTeamView['status'], faces: GroupBuyTeamFace[], seatsLeft: number, mySeat: GroupBuyTeamView['mySeat'] = null) => ({ status, teamSize: 3, faces, seatsLeft, mySeat });
    expect(teamBanner(team('forming', [leader], 2))).toMatchObject({ title: '拼团中', tone: 'active', progress: '还差 2 人成团' });
    expect(teamBanner(team('forming', [leader], 2)).hint).toContain('还差 2 人成团');
    expect(teamBanner(team('succeeded', [leader, member, member], 0))).toMatchObject({ title: '拼团成功', tone: 'success', progress: null });
    expect(teamBanner(team('failed', [], 3)).title).toBe('拼团失败，已退款');
    expect(teamBanner(team('failed', [], 3)).hint).toContain('原路退回');
  });

  it('every seat taken but not all paid: waits for payments, never 还差 N 人 next to 满员', () => {
    const banner = teamBanner({ status: 'forming', teamSize: 3, faces: [leader, member], seatsLeft: 0, mySeat: null });
    expect(banner.progress).toBe('名额已满，等待团员付款');
    expect(`${banner.title}${banner.hint}${banner.progress}`).not.toMatch(/还差/);
  });

  it('a seat the viewer quit or lost is theirs to see (已退出), not the team\'s 拼团中', () => {
    const quit = teamBanner({ status: 'forming', teamSize: 3, faces: [member], seatsLeft: 2, mySeat: { status: 'quit', orderNo: 'O1', isLeader: false } });
    expect(quit).toMatchObject({ title: '已退出', progress: null });
    expect(teamBanner({ status: 'forming', teamSize: 3, faces: [member], seatsLeft: 2, mySeat: { status: 'lost', orderNo: 'O1', isLeader: false } }).hint).toContain('退回');
  });
});

describe('what the team page offers', () => {
  const forming = { status: 'forming' as const, mySeat: null };
  it('立即参团 when the viewer may join (a guest too: they sign in first)', () => {
    expect(teamActions({ ...forming, joinBlock: null })).toEqual({ actions: ['join'], blockLabel: null });
  });

  it('the leader and a member invite friends and see their order', () => {
    const mine = { status: 'paid' as const, orderNo: 'O1', isLeader: true };
    expect(teamActions({ status: 'forming', joinBlock: 'own_team', mySeat: mine }).actions).toEqual(['invite', 'viewOrder']);
    expect(teamActions({ status: 'forming', joinBlock: 'already_joined', mySeat: { ...mine, isLeader: false } }).actions).toEqual([
      'invite',
      'viewOrder',
    ]);
  });

  it('a member whose seat waits for payment is sent to pay, not to invite', () => {
    const reserved = { status: 'reserved' as const, orderNo: 'O2', isLeader: false };
    expect(teamActions({ status: 'forming', joinBlock: 'already_joined', mySeat: reserved })).toEqual({ actions: ['pay'], blockLabel: null });
  });

  it('a member who quit is offered no invitation or share (the team may still form without them)', () => {
    const quit = { status: 'quit' as const, orderNo: 'O3', isLeader: false };
    expect(teamActions({ status: 'forming', joinBlock: null, mySeat: quit }).actions).toEqual(['join', 'viewOrder']);
    expect(teamActions({ status: 'failed', joinBlock: 'own_team', mySeat: { ...quit, isLeader: true } })).toEqual({ actions: ['viewOrder'], blockLabel: null });
  });

  it('a full, expired or closed team offers 发起新团 with the reason', () => {
    for (const joinBlock of ['full', 'expired', 'not_forming'] as const) {
      const { actions, blockLabel } = teamActions({ ...forming, joinBlock });
      expect(actions).toEqual(['startNew']);
      expect(blockLabel).toContain('发起一个新团');
    }
  });

  it('an ended campaign or a reached limit offers no new team; a member of a finished team still sees the order', () => {
    expect(teamActions({ ...forming, joinBlock: 'campaign_ended' })).toEqual({ actions: [], blockLabel: '拼团活动已结束' });
    // The leader of a team that failed is not asked to invite anyone.
    expect(teamActions({ ...forming, status: 'failed', joinBlock: 'own_team' }).blockLabel).toBeNull();
    expect(teamActions({ ...forming, joinBlock: 'limit_reached' }).actions).toEqual([]);
    const finished = teamActions({ status: 'succeeded', joinBlock: 'already_joined', mySeat: { status: 'paid', orderNo: 'O2', isLeader: false } });
    expect(finished.actions).toEqual(['viewOrder']);
  });
});

describe('prices', () => {
  const offer = { groupPriceFen: 5900, leaderPriceFen: null, listPriceFen: 8800, memberUnitLimit: 2, skus: [{ skuId: 1, groupPriceFen: 5900, leaderPriceFen: 4900 }] };

  it('发起拼团 shows the 团长价 when the campaign sets one, else the group price', () => {
    expect(leaderPrice(offer)).toEqual({ fen: 5900, label: '拼团价' });
    expect(leaderPrice({ ...offer, leaderPriceFen: 4900 })).toEqual({ fen: 4900, label: '团长价' });
    expect(groupSaving(offer)).toBe(2900);
    expect(groupSaving({ groupPriceFen: 9000, listPriceFen: 8800 })).toBe(0);
  });

  it('the picker sells campaign SKUs at the group price (leader price for the leader) and no other SKU', () => {
    const skus = [
      { id: 1, priceFen: 8800, stock: 5 },
      { id: 2, priceFen: 9800, stock: 5 },
    ];
    expect(groupBuySkus(skus, offer, false)).toEqual([
      { id: 1, priceFen: 5900, stock: 5 },
      { id: 2, priceFen: 9800, stock: 0 },
    ]);
    expect(groupBuySkus(skus, offer, true)[0].priceFen).toBe(4900);
    // Before a SKU is chosen the picker shows the lowest price of the offer.
    expect(groupBuyProduct({ skus, minPriceFen: 8800 }, offer, false).minPriceFen).toBe(5900);
    expect(groupBuyProduct({ skus, minPriceFen: 8800 }, { ...offer, leaderPriceFen: 4900 }, true).minPriceFen).toBe(4900);
  });

  it('caps the quantity at the units one member may buy', () => {
    expect(memberUnitCap(offer)).toEqual({ max: 2, reason: '拼团每人限购 2 件' });
    expect(memberUnitCap({ memberUnitLimit: 0 })).toBeUndefined();
  });
});

describe('a refused group-buy checkout', () => {
  it('offers a new team when the team filled up or closed meanwhile', () => {
    expect(groupBuyRefusal(ErrorCode.GROUP_BUY_TEAM_FULL, 'x')).toEqual({ message: '这个团刚刚满员了，可以发起一个新团', offerNewTeam: true });
    expect(groupBuyRefusal(ErrorCode.GROUP_BUY_TEAM_CLOSED, 'x')?.offerNewTeam).toBe(true);
  });
  it('passes the server message on for the other refusals, and ignores other errors', () => {
    expect(groupBuyRefusal(ErrorCode.GROUP_BUY_LIMIT_REACHED, '已达上限')).toEqual({ message: '已达上限', offerNewTeam: false });
    expect(groupBuyRefusal(ErrorCode.OUT_OF_STOCK, '库存不足')).toBeNull();
    expect(groupBuyRefusal(undefined, '网络错误')).toBeNull();
  });
});

describe('the share title', () => {
  const team = { teamSize: 3, faces: [leader], offer: { productTitle: '明前龙井' } } as Pick<GroupBuyTeamView, 'teamSize' | 'faces'> & {
    offer: { productTitle: string };
  };
  it('says how many are missing while the team forms', () => {
    expect(teamShareTitle({ ...team, status: 'forming' })).toBe('还差2人成团，快来一起拼：明前龙井 · 3人团');
    expect(teamShareTitle({ ...team, status: 'succeeded' })).toBe('明前龙井 · 3人团');
  });
});
