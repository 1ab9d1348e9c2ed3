/**
 * 拼团 (group-buy). Server: server/src/group-buy/. Storefront: miniapp/pages/group-buy/. Console: 拼团活动.
 *
 * A campaign sells one product's SKUs at group prices to teams of `teamSize` members (the leader included). The
 * team row is the seat counter: a seat is taken when the join order is created (a conditional update in the
 * order's transaction), counted as paid in the payment's transaction, and the one payment that fills the last
 * seat moves the team to succeeded and releases all its orders for shipping at once. A team that expires short
 * of members fails (every paid order is refunded automatically) or, with 模拟成团 on and enough real seats paid,
 * is completed with virtual seats that the statistics always count apart.
 */
import type { Fen } from '../money';
import type { Paginated } from './common';

export const GROUP_BUY_TEAM_SIZE_MIN = 2;
export const GROUP_BUY_TEAM_SIZE_MAX = 50;
export const GROUP_BUY_VALIDITY_HOURS_MIN = 1;
export const GROUP_BUY_VALIDITY_HOURS_MAX = 72;
export const GROUP_BUY_RULES_MAX_LENGTH = 1000;
export const GROUP_BUY_NAME_MAX_LENGTH = 40;

/**
 * A team's life:
 * - opening: the leader's order is placed but not paid; nobody can join yet (a cancelled or timed-out leader
 *   order ends it as `cancelled`);
 * - forming (拼团中): the leader paid; the clock runs from the leader's payment; others may join;
 * - succeeded (拼团成功): every seat paid (or completed with virtual seats at expiry); its orders may ship;
 * - failed (拼团失败): expired short of members (or the campaign was ended early); every paid order is refunded;
 * - cancelled: the leader never paid.
 */
export const GROUP_BUY_TEAM_STATUSES = ['opening', 'forming', 'succeeded', 'failed', 'cancelled'] as const;
export type GroupBuyTeamStatus = (typeof GROUP_BUY_TEAM_STATUSES)[number];

export const GROUP_BUY_TEAM_STATUS_LABELS: Record<GroupBuyTeamStatus, string> = {
  opening: '待团长付款',
  forming: '拼团中',
  succeeded: '拼团成功',
  failed: '拼团失败',
  cancelled: '已取消',
};

/**
 * A member's seat in a team:
 * - reserved: the order is placed, not paid (the seat is held until the order is paid, cancelled or times out);
 * - paid: counted in seatsPaid;
 * - released: the unpaid order was cancelled or timed out (the seat went back once);
 * - quit: the shopper cancelled and was refunded while the team was forming (the seat went back);
 * - lost: the payment arrived after the team had expired, failed or been filled: refunded automatically.
 */
export const GROUP_BUY_SEAT_STATUSES = ['reserved', 'paid', 'released', 'quit', 'lost'] as const;
export type GroupBuySeatStatus = (typeof GROUP_BUY_SEAT_STATUSES)[number];

/** Campaign state as shown: derived from its window, `endedAt` (ended early by staff) and the clock. */
export const GROUP_BUY_CAMPAIGN_STATES = ['scheduled', 'running', 'ended'] as const;
export type GroupBuyCampaignState = (typeof GROUP_BUY_CAMPAIGN_STATES)[number];

export const GROUP_BUY_CAMPAIGN_STATE_LABELS: Record<GroupBuyCampaignState, string> = {
  scheduled: '未开始',
  running: '进行中',
  ended: '已结束',
};

/** A SKU's group price; `leaderPriceFen` is the optional 团长价 (the leader pays it when set). */
export interface GroupBuySkuPrice {
  skuId: number;
  groupPriceFen: Fen;
  leaderPriceFen: Fen | null;
}

/** `POST /api/v1/admin/group-buy/campaigns`, `PUT …/:id` (GROUP_BUY_ROLES). */
export interface GroupBuyCampaignInput {
  name: string;
  productId: number;
  /** At least one of the product's SKUs; each price ≥ 1 fen and below the SKU's list price; the leader price ≤ the group price. */
  skus: GroupBuySkuPrice[];
  teamSize: number;
  validityHours: number;
  /** RFC 3339; startsAt < endsAt. */
  startsAt: string;
  endsAt: string;
  /** Per member in this campaign: how many teams they may open or join (0 = no limit). */
  memberTeamLimit: number;
  /** Per member in this campaign: how many units in all (0 = no limit); also the most one order may buy. */
  memberUnitLimit: number;
  /** Units the whole campaign may sell (0 = no limit besides stock). */
  unitQuota: number;
  allowCoupons: boolean;
  allowPoints: boolean;
  /** 模拟成团: at expiry a team whose paid seats reach `virtualThresholdPercent` of its size is completed with virtual seats. */
  virtualCompletion: boolean;
  /** 1–100; required when virtualCompletion is on. */
  virtualThresholdPercent: number | null;
  /** Shown to shoppers on the team page; the server appends the refund and virtual-completion sentences it must carry. */
  rulesText: string;
}

export interface GroupBuyCampaignStats {
  /** Teams whose leader paid. */
  teamsOpened: number;
  teamsSucceeded: number;
  /** Of teamsSucceeded, those completed with virtual seats. */
  teamsSucceededVirtually: number;
  teamsFailed: number;
  teamsForming: number;
  /** succeeded / (succeeded + failed), 0–100 with one decimal; null before any team ended. */
  successRatePercent: number | null;
  /** Real members whose seat was paid (quit and lost seats excluded). */
  realMembers: number;
  /** Virtual seats filled at expiry: never counted in realMembers. */
  virtualSeats: number;
  /** Units sold (real seats paid). */
  unitsSold: number;
  /** Σ payable of paid group orders, fen. */
  gmvFen: Fen;
  /** Σ refunded of group orders (failed teams, quits, late payments, after-sales), fen. */
  refundedFen: Fen;
}

export interface GroupBuyCampaign extends GroupBuyCampaignInput {
  id: number;
  state: GroupBuyCampaignState;
  productTitle: string;
  productImage: string | null;
  /** Staff ended it early (RFC 3339), else null. */
  endedAt: string | null;
  /** Units taken against the quota (reserved and paid). */
  unitsTaken: number;
  /**
   * Some SKU's group price (or 团长价) is not below its current list price (the list price was lowered after the
   * campaign was saved): shoppers then pay the list price (checkout caps the group price at it).
   */
  groupPriceNotBelowList: boolean;
  stats: GroupBuyCampaignStats;
  createdAt: string;
}

/** `GET /api/v1/admin/group-buy/campaigns?state=&page=&pageSize=` → Paginated<GroupBuyCampaign>. */
export type GroupBuyCampaignPage = Paginated<GroupBuyCampaign>;

/** `POST /api/v1/admin/group-buy/campaigns/:id/end` (GROUP_BUY_ROLES) → 204: stops new teams and joins now; forming teams then complete or fail by the rule at once (the expiry sweep runs), unpaid orders of the campaign are cancelled. 409 GROUP_BUY_CAMPAIGN_ENDED when already ended. */

/** A seat as staff see it. */
export interface GroupBuyAdminSeat {
  memberId: number | null;
  nickname: string;
  isLeader: boolean;
  isVirtual: boolean;
  status: GroupBuySeatStatus;
  orderNo: string | null;
  orderStatus: string | null;
  joinedAt: string;
  paidAt: string | null;
}

/** `GET /api/v1/admin/group-buy/campaigns/:id/teams?status=&page=&pageSize=` → Paginated<GroupBuyAdminTeam>. */
export interface GroupBuyAdminTeam {
  id: number;
  status: GroupBuyTeamStatus;
  teamSize: number;
  seatsTaken: number;
  seatsPaid: number;
  virtualSeats: number;
  leaderNickname: string;
  expiresAt: string | null;
  succeededAt: string | null;
  failedAt: string | null;
  seats: GroupBuyAdminSeat[];
  createdAt: string;
}

/** A face on the team page: real members show avatar and nickname; virtual seats show a placeholder. */
export interface GroupBuyTeamFace {
  avatarUrl: string | null;
  nickname: string;
  isLeader: boolean;
  isVirtual: boolean;
}

/** A joinable team as listed on the product page and the 拼团专区. */
export interface GroupBuyOpenTeam {
  id: number;
  leader: GroupBuyTeamFace;
  faces: GroupBuyTeamFace[];
  seatsLeft: number;
  teamSize: number;
  expiresAt: string;
}

/** The campaign as shoppers see it (one product). */
export interface GroupBuyOffer {
  campaignId: number;
  name: string;
  productId: number;
  productTitle: string;
  productImage: string | null;
  teamSize: number;
  validityHours: number;
  endsAt: string;
  /** Lowest group price among SKUs with stock, and the list price it is compared with. */
  groupPriceFen: Fen;
  leaderPriceFen: Fen | null;
  listPriceFen: Fen;
  skus: GroupBuySkuPrice[];
  memberUnitLimit: number;
  allowCoupons: boolean;
  allowPoints: boolean;
  /** The rules as shown (the owner's text plus the sentences the server adds: refund on failure, virtual completion). */
  rulesText: string;
  /** Teams that succeeded so far (real and virtual together, as shoppers are told the rule). */
  teamsSucceeded: number;
}

/** `GET /api/v1/group-buy/offers?page=&pageSize=` (public) → Paginated<GroupBuyOffer>: the 拼团专区, running campaigns. */
export type GroupBuyOfferPage = Paginated<GroupBuyOffer>;

/**
 * `GET /api/v1/group-buy/products/:productId` (public; with a member token the member's own teams and full teams
 * are left out of openTeams) → { offer, openTeams } or { offer: null, openTeams: [] } when the product is in no
 * running campaign.
 */
export interface GroupBuyProductOffer {
  offer: GroupBuyOffer | null;
  /** Up to 10 forming teams with seats left, soonest to expire first. */
  openTeams: GroupBuyOpenTeam[];
}

/** Why the viewer cannot join a team (null when they can). */
export const GROUP_BUY_JOIN_BLOCKS = ['own_team', 'already_joined', 'full', 'expired', 'not_forming', 'campaign_ended', 'limit_reached'] as const;
export type GroupBuyJoinBlock = (typeof GROUP_BUY_JOIN_BLOCKS)[number];

export const GROUP_BUY_JOIN_BLOCK_LABELS: Record<GroupBuyJoinBlock, string> = {
  own_team: '这是你发起的团，邀请好友来参团吧',
  already_joined: '你已在这个团里',
  full: '这个团已满员，可以发起一个新团',
  expired: '这个团已过期，可以发起一个新团',
  not_forming: '这个团已结束，可以发起一个新团',
  campaign_ended: '拼团活动已结束',
  limit_reached: '你在本活动的参团次数或件数已达上限',
};

/** `GET /api/v1/group-buy/teams/:teamId` (public; member token optional) → GroupBuyTeamView. 404 GROUP_BUY_TEAM_NOT_FOUND. */
export interface GroupBuyTeamView {
  id: number;
  status: GroupBuyTeamStatus;
  teamSize: number;
  seatsLeft: number;
  /** Paid members first (leader first), then virtual seats; reserved seats are not shown. */
  faces: GroupBuyTeamFace[];
  /** Null while opening. */
  expiresAt: string | null;
  succeededAt: string | null;
  failedAt: string | null;
  offer: GroupBuyOffer;
  /** The viewer's own seat, when they have one (reserved, paid, quit, lost). */
  mySeat: { status: GroupBuySeatStatus; orderNo: string; isLeader: boolean } | null;
  /** Null: the viewer may join (a logged-out viewer is asked to log in first). */
  joinBlock: GroupBuyJoinBlock | null;
}

/**
 * Checkout for a group-buy: `POST /api/v1/checkout/preview` and `POST /api/v1/orders` take
 * `groupBuy: { campaignId, teamId }` (teamId null = open a new team). The order must be one line of the
 * campaign's product, bought directly (not from the cart). Errors (409): GROUP_BUY_CAMPAIGN_NOT_RUNNING,
 * GROUP_BUY_TEAM_FULL, GROUP_BUY_TEAM_CLOSED (expired, failed, succeeded, cancelled, still opening),
 * GROUP_BUY_OWN_TEAM, GROUP_BUY_ALREADY_JOINED, GROUP_BUY_LIMIT_REACHED, GROUP_BUY_QUOTA_EXHAUSTED;
 * 400 GROUP_BUY_SELECTION_INVALID (other product, several lines, from cart, SKU not in the campaign).
 */
export interface GroupBuyCheckout {
  campaignId: number;
  teamId: number | null;
}

/** `POST /api/v1/group-buy/orders/:orderNo/quit` (member, own order) → 204: 取消拼团并退款 while the team is forming (frees the seat, refunds the whole order). 409 GROUP_BUY_TEAM_CLOSED when the team is no longer forming; 409 ORDER_TRANSITION_BLOCKED for an unpaid order (cancel it instead); 409 REFUND_NOT_ALLOWED when its refund is already under way. */

/** `GET /api/v1/me/group-buy/teams?page=&pageSize=` (member) → Paginated<GroupBuyMyTeam>: 我的拼团. */
export interface GroupBuyMyTeam {
  team: GroupBuyTeamView;
  orderNo: string;
}
