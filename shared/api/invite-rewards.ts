/**
 * 邀请有礼 (invite rewards). Server: server/src/referral/invite-rewards/.
 * The inviter is rewarded only when the invited friend's FIRST paid order is completed (received) and its
 * after-sale window has passed without a full refund. Never for sharing, for a registration or for a binding alone
 * (WeChat 运营规范 §5.1, 诱导分享).
 */
import type { Paginated } from './common';

export const INVITE_REWARD_KINDS = ['coupon', 'points'] as const;
export type InviteRewardKind = (typeof INVITE_REWARD_KINDS)[number];

export const MAX_INVITE_REWARD_POINTS = 100_000;
export const MAX_INVITE_RULE_TEXT_LENGTH = 300;

const SHARING_WORDS = '分享|转发|朋友圈|群|注册';
const REWARD_WORDS = '送|奖|得|领|返|赠|有礼|积分|红包|券';
/** A sharing word, then within a few characters (not across a sentence's end) a reward word; a lookahead, so every sharing word is tried. */
const INDUCED_SHARING = new RegExp(`(?=((?:${SHARING_WORDS})[^。！？；!?;\\n]{0,6}?(?:${REWARD_WORDS})))`, 'g');
const NEGATION = /[不无没非]/;

/**
 * The first phrase of `text` that ties sharing, forwarding, Moments, a group or registering to a reward (e.g. 分享到朋友圈送积分,
 * 转发给好友就有奖励), or null. WeChat forbids such promises (诱导分享), so the rule text may not contain one
 * (400 INVITE_RULE_INVALID; the console form checks it too). A negated phrase (只分享不会获得奖励) is fine.
 */
export function inducedSharingPhrase(text: string): string | null {
  for (const match of text.matchAll(INDUCED_SHARING)) {
    if (!NEGATION.test(match[1])) return match[1];
  }
  return null;
}

/** `GET|PUT /api/v1/admin/referral/invite-rule` (read: REFERRAL_READ_ROLES; save: REFERRAL_SETTINGS_ROLES). */
export interface InviteRule {
  enabled: boolean;
  rewardKind: InviteRewardKind;
  /** rewardKind coupon: the template granted (must exist, be 进行中, not expired and have coupons left when saved). */
  couponTemplateId: number | null;
  /** rewardKind points: how many (1..MAX_INVITE_REWARD_POINTS). */
  points: number | null;
  /** The owner's own words shown under the rule (may be empty); may not promise anything for sharing or registering. */
  ruleText: string;
}

/** The rule as answered: with the reward in words and the plain-words summary the storefront shows. */
export interface InviteRuleView extends InviteRule {
  /** E.g. 「无门槛10元券」1 张, 200 积分; '' when the rule has no reward set. */
  rewardText: string;
  /** The chosen coupon template's name (null: none chosen, or it no longer exists). */
  couponName: string | null;
  /** The rule in plain words, built by the server from the rule and 分销设置's after-sale window. */
  summary: string;
  /** The after-sale window (分销设置 afterSaleWindowDays) the reward waits for after the order completes. */
  afterSaleWindowDays: number;
}

/** The reward in words: 「无门槛10元券」1 张, 200 积分 ('' when none is set or the coupon is gone). */
export function rewardTextOf(rule: Pick<InviteRule, 'rewardKind' | 'points'>, couponName: string | null): string {
  if (rule.rewardKind === 'points') return rule.points ? `${rule.points} 积分` : '';
  return couponName ? `「${couponName}」1 张` : '';
}

/** The rule in plain words (storefront, console preview): what the friend must do, when the reward comes, that sharing alone earns nothing. */
export function inviteSummary(enabled: boolean, rewardText: string, afterSaleWindowDays: number): string {
  if (!enabled || !rewardText) return '邀请有礼活动暂未开启。';
  const window = afterSaleWindowDays > 0 ? `并过了 ${afterSaleWindowDays} 天售后期` : '';
  return (
    `好友通过你分享的链接进店成为会员，首次下单付款后，订单确认收货${window}、没有全额退款，你将获得${rewardText}。` +
    '每位好友只奖励一次；只分享或好友只注册不会获得奖励。'
  );
}

/** One invitee's reward: waiting for the first order to complete and its window to pass, granted, void (refunded in full), failed (the coupon could not be granted). */
export const INVITE_REWARD_STATUSES = ['waiting', 'granted', 'void', 'failed'] as const;
export type InviteRewardStatus = (typeof INVITE_REWARD_STATUSES)[number];
export const INVITE_REWARD_STATUS_LABELS: Record<InviteRewardStatus, string> = {
  waiting: '待发放',
  granted: '已发放',
  void: '不发放',
  failed: '发放失败',
};

/** A friend as the inviter sees them: registered (bound), ordered (first order placed or paid), rewarded. */
export const INVITED_FRIEND_STATES = ['registered', 'ordered', 'rewarded'] as const;
export type InvitedFriendState = (typeof INVITED_FRIEND_STATES)[number];
export const INVITED_FRIEND_STATE_LABELS: Record<InvitedFriendState, string> = { registered: '已注册', ordered: '已下单', rewarded: '已奖励' };

export interface InvitedFriend {
  memberId: number;
  nickname: string;
  avatarUrl: string;
  phoneMasked: string | null;
  invitedAt: string;
  state: InvitedFriendState;
  /** What the state means for the reward, in words (e.g. 首单已付款，订单完成并过了 7 天售后期后发放). */
  note: string;
  /** rewarded: what the inviter got. */
  rewardText: string | null;
}

/** `GET /api/v1/referral/invites?page=&pageSize=` (member) → the rule, what I earned, and my invited friends (newest first). */
export interface MyInvites extends Paginated<InvitedFriend> {
  rule: Pick<InviteRuleView, 'enabled' | 'rewardKind' | 'rewardText' | 'summary' | 'ruleText' | 'afterSaleWindowDays'>;
  earned: { rewardedFriends: number; coupons: number; points: number };
}

/** `GET /api/v1/admin/referral/invite-rewards?status=&page=` (REFERRAL_READ_ROLES): every invitee's reward, newest first. */
export interface AdminInviteReward {
  id: number;
  inviter: { memberId: number; nickname: string; phone: string | null };
  invitee: { memberId: number; nickname: string; phone: string | null };
  orderNo: string;
  status: InviteRewardStatus;
  rewardKind: InviteRewardKind;
  rewardText: string;
  /** The member coupon granted (coupon rewards). */
  memberCouponId: number | null;
  /** Why it was not granted (void, failed). */
  note: string | null;
  createdAt: string;
  grantedAt: string | null;
}
