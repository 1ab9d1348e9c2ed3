import type { MyInvites } from '@shared/api/invite-rewards';

/** The rule is on and has a reward to give: only then may a page promise one or ask the member to invite. */
export function inviteRunning(rule: Pick<MyInvites['rule'], 'enabled' | 'rewardText'>): boolean {
  return rule.enabled && rule.rewardText !== '';
}

/**
 * The line under 邀请有礼 on 我的, or null to hide the entry: the promise only while the rule runs; with the rule off,
 * the entry stays (without a promise) only for a member who has invited friends or earned rewards to look back on.
 */
export function inviteEntryText(invites: { rule: Pick<MyInvites['rule'], 'enabled' | 'rewardText'> } & Pick<MyInvites, 'earned' | 'total'>): string | null {
  if (inviteRunning(invites.rule)) return '好友首单完成后得奖励';
  return invites.total > 0 || invites.earned.rewardedFriends > 0 ? '活动暂未开启 · 查看邀请记录' : null;
}
