import { INVITE_RULE_FORBIDDEN_PHRASES, inviteSummary, rewardTextOf } from './api/invite-rewards';

describe('邀请有礼 wording', () => {
  it('names the reward: a coupon by its name, points by their number, nothing when none is set', () => {
    expect(rewardTextOf({ rewardKind: 'coupon', points: null }, '无门槛10元券')).toBe('「无门槛10元券」1 张');
    expect(rewardTextOf({ rewardKind: 'coupon', points: null }, null)).toBe('');
    expect(rewardTextOf({ rewardKind: 'points', points: 200 }, '无门槛10元券')).toBe('200 积分');
    expect(rewardTextOf({ rewardKind: 'points', points: null }, null)).toBe('');
  });

  it('says the reward comes after the first order is received and the window has passed, and never for sharing', () => {
    const summary = inviteSummary(true, '200 积分', 7);
    expect(summary).toContain('确认收货并过了 7 天售后期');
    expect(summary).toContain('你将获得200 积分');
    expect(summary).toContain('只分享或好友只注册不会获得奖励');
    expect(inviteSummary(true, '200 积分', 0)).not.toContain('售后期');
    // The summary itself never uses the words it forbids the owner.
    for (const phrase of INVITE_RULE_FORBIDDEN_PHRASES) expect(summary).not.toContain(phrase);
  });

  it('says the program is off when it is off or has no reward', () => {
    expect(inviteSummary(false, '200 积分', 7)).toBe('邀请有礼活动暂未开启。');
    expect(inviteSummary(true, '', 7)).toBe('邀请有礼活动暂未开启。');
  });
});
