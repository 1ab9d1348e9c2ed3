import {
  GROUP_BUY_JOIN_BLOCK_LABELS,
  type GroupBuyJoinBlock,
  type GroupBuyOffer,
  type GroupBuyTeamFace,
  type GroupBuyTeamStatus,
  type GroupBuyTeamView,
} from '@shared/api/group-buy';
import type { Fen } from '@shared/money';
import { ErrorCode } from '@shared/errors';
import type { PerMemberCap } from '@/goods/detail/sku-selection';

/** One circle of a team's seat row: a paid member (the leader badged 团长), a virtual seat (模拟成团) or a seat still open (「?」). */
export type SeatCircle =
  | { kind: 'member'; face: GroupBuyTeamFace }
  | { kind: 'virtual'; face: GroupBuyTeamFace }
  | { kind: 'empty' };

/**
 * The seat row of a team, always `teamSize` circles: the faces the server shows (paid members, leader first,
 * then virtual seats), then an open circle for every seat nobody has paid for yet.
 */
export function seatRow(team: { teamSize: number; faces: GroupBuyTeamFace[] }): SeatCircle[] {
  const taken: SeatCircle[] = team.faces
    .slice(0, team.teamSize)
    .map((face) => (face.isVirtual ? { kind: 'virtual', face } : { kind: 'member', face }));
  const open = Array.from({ length: Math.max(0, team.teamSize - taken.length) }, (): SeatCircle => ({ kind: 'empty' }));
  return [...taken, ...open];
}

/** Members still missing for the team to succeed (paid and virtual seats count; a reserved seat does not yet). */
export function membersMissing(team: { teamSize: number; faces: GroupBuyTeamFace[] }): number {
  return Math.max(0, team.teamSize - team.faces.length);
}

/** What the state banner of a team needs: the team, and the viewer's own seat in it (null for others). */
export type BannerTeam = Pick<GroupBuyTeamView, 'status' | 'teamSize' | 'faces' | 'seatsLeft' | 'mySeat'>;

/**
 * The state banner of a team (team page, 我的拼团, the order's 拼团 card), for the viewer: a seat they quit or lost
 * reads as theirs (已退出, not the team's 拼团中). `progress` is the line under a forming team: the members still
 * missing, or, when every seat is taken but not all paid, that the team waits for payments (no 还差 N 人 then).
 */
export function teamBanner(team: BannerTeam): { title: string; hint: string; tone: 'active' | 'success' | 'failure' | 'muted'; progress: string | null } {
  const seat = team.mySeat?.status;
  if (seat === 'quit') return { title: '已退出', hint: '你已取消拼团，款项将原路退回', tone: 'muted', progress: null };
  if (seat === 'lost') return { title: '未能参团', hint: '付款时这个团已结束，款项已自动原路退回', tone: 'failure', progress: null };
  switch (team.status) {
    case 'opening':
      return { title: '待团长付款', hint: '团长付款后开团，好友即可参团', tone: 'muted', progress: null };
    case 'forming': {
      const missing = membersMissing(team);
      if (missing > 0 && team.seatsLeft === 0) return { title: '拼团中', hint: '名额已满，等待团员付款后成团', tone: 'active', progress: '名额已满，等待团员付款' };
      return { title: '拼团中', hint: `还差 ${missing} 人成团，快邀请好友参团吧`, tone: 'active', progress: `还差 ${missing} 人成团` };
    }
    case 'succeeded':
      return { title: '拼团成功', hint: '商家将尽快发货', tone: 'success', progress: null };
    case 'failed':
      return { title: '拼团失败，已退款', hint: '未能凑满人数，已付款项已自动原路退回', tone: 'failure', progress: null };
    case 'cancelled':
      return { title: '拼团已取消', hint: '团长未付款，这个团没有开成', tone: 'muted', progress: null };
  }
}

export type TeamAction = 'join' | 'pay' | 'invite' | 'viewOrder' | 'startNew';

/** Blocks after which the shopper is offered to open a team of their own. */
const START_NEW_AFTER: readonly GroupBuyJoinBlock[] = ['full', 'expired', 'not_forming'];

/**
 * What the team page offers the viewer, and the sentence that explains why they cannot join (null when they
 * can). A guest sees 立即参团 too: the page signs them in first and the server then answers for them. A member
 * whose seat waits for their payment is sent to pay (去付款), not to invite; one who quit or lost the seat is
 * offered neither.
 */
export function teamActions(team: Pick<GroupBuyTeamView, 'status' | 'joinBlock' | 'mySeat'>): { actions: TeamAction[]; blockLabel: string | null } {
  const actions: TeamAction[] = [];
  const { joinBlock, mySeat } = team;
  const seatHeld = mySeat?.status === 'paid' || mySeat?.status === 'reserved';
  if (joinBlock === null) actions.push('join');
  if (team.status === 'forming' && mySeat?.status === 'reserved') actions.push('pay');
  else if (team.status === 'forming' && seatHeld && (joinBlock === 'own_team' || joinBlock === 'already_joined')) actions.push('invite');
  if (mySeat && !actions.includes('pay')) actions.push('viewOrder');
  if (joinBlock !== null && START_NEW_AFTER.includes(joinBlock)) actions.push('startNew');
  // 邀请好友来参团 only means something while the member's seat stands in a forming team.
  const invitation = joinBlock === 'own_team' || joinBlock === 'already_joined';
  return { actions, blockLabel: joinBlock === null || (invitation && !actions.includes('invite')) ? null : GROUP_BUY_JOIN_BLOCK_LABELS[joinBlock] };
}

export const TEAM_ACTION_LABELS: Record<TeamAction, string> = {
  join: '立即参团',
  pay: '去付款',
  invite: '邀请好友参团',
  viewOrder: '查看订单',
  startNew: '发起新团',
};

/** The price of 发起拼团: the 团长价 when the campaign sets one (labelled so), else the group price. */
export function leaderPrice(offer: Pick<GroupBuyOffer, 'groupPriceFen' | 'leaderPriceFen'>): { fen: Fen; label: '团长价' | '拼团价' } {
  return offer.leaderPriceFen !== null ? { fen: offer.leaderPriceFen, label: '团长价' } : { fen: offer.groupPriceFen, label: '拼团价' };
}

/** What the shopper saves against the list price, in fen (never negative). */
export function groupSaving(offer: Pick<GroupBuyOffer, 'groupPriceFen' | 'listPriceFen'>): Fen {
  return Math.max(0, offer.listPriceFen - offer.groupPriceFen);
}

/** 「3人团」. */
export function teamSizeLabel(teamSize: number): string {
  return `${teamSize}人团`;
}

/**
 * The SKUs of a campaign as the SKU picker shows them: the group price (or the leader's) in place of the list
 * price; SKUs outside the campaign cannot be chosen (shown sold out).
 */
export function groupBuySkus<S extends { id: number; priceFen: Fen; stock: number }>(
  skus: S[],
  offer: Pick<GroupBuyOffer, 'skus'>,
  asLeader: boolean,
): S[] {
  return skus.map((sku) => {
    const price = offer.skus.find((entry) => entry.skuId === sku.id);
    if (!price) return { ...sku, stock: 0 };
    return { ...sku, priceFen: asLeader && price.leaderPriceFen !== null ? price.leaderPriceFen : price.groupPriceFen };
  });
}

/** The product as the 拼团 SKU picker shows it: campaign SKUs at the group (or leader's) price, from the lowest of them. */
export function groupBuyProduct<P extends { skus: { id: number; priceFen: Fen; stock: number }[]; minPriceFen: Fen }>(
  product: P,
  offer: Pick<GroupBuyOffer, 'skus' | 'groupPriceFen' | 'leaderPriceFen'>,
  asLeader: boolean,
): P {
  return { ...product, skus: groupBuySkus(product.skus, offer, asLeader), minPriceFen: asLeader ? leaderPrice(offer).fen : offer.groupPriceFen };
}

/** The campaign's units-per-member limit as the picker's cap (none when the campaign sets 0). */
export function memberUnitCap(offer: Pick<GroupBuyOffer, 'memberUnitLimit'>): PerMemberCap | undefined {
  return offer.memberUnitLimit > 0 ? { max: offer.memberUnitLimit, reason: `拼团每人限购 ${offer.memberUnitLimit} 件` } : undefined;
}

/**
 * A refused group-buy checkout in the shopper's words (the server's message stays the detail). A team that
 * filled up or closed meanwhile can still be had as a team of one's own: `offerNewTeam`.
 */
export function groupBuyRefusal(code: string | undefined, serverMessage: string): { message: string; offerNewTeam: boolean } | null {
  switch (code) {
    case ErrorCode.GROUP_BUY_TEAM_FULL:
      return { message: '这个团刚刚满员了，可以发起一个新团', offerNewTeam: true };
    case ErrorCode.GROUP_BUY_TEAM_CLOSED:
      return { message: '这个团已结束，可以发起一个新团', offerNewTeam: true };
    case ErrorCode.GROUP_BUY_OWN_TEAM:
    case ErrorCode.GROUP_BUY_ALREADY_JOINED:
    case ErrorCode.GROUP_BUY_LIMIT_REACHED:
    case ErrorCode.GROUP_BUY_QUOTA_EXHAUSTED:
    case ErrorCode.GROUP_BUY_CAMPAIGN_NOT_RUNNING:
    case ErrorCode.GROUP_BUY_SELECTION_INVALID:
      return { message: serverMessage, offerNewTeam: false };
    default:
      return null;
  }
}

/** The title of a shared team: how many are missing while it forms, else the product and team size. */
export function teamShareTitle(team: Pick<GroupBuyTeamView, 'status' | 'teamSize' | 'faces'> & { offer: Pick<GroupBuyOffer, 'productTitle'> }): string {
  const base = `${team.offer.productTitle} · ${teamSizeLabel(team.teamSize)}`;
  return team.status === 'forming' ? `还差${membersMissing(team)}人成团，快来一起拼：${base}` : base;
}
