import { inviteEntryText, inviteRunning } from './invite-text';

const running = { enabled: true, rewardText: '200 积分' };
const nothing = { rewardedFriends: 0, coupons: 0, points: 0 };

describe('邀请有礼 on 我的', () => {
  it('promises a reward only while the rule is on and has one', () => {
    expect(inviteRunning(running)).toBe(true);
    expect(inviteRunning({ ...running, enabled: false })).toBe(false);
    expect(inviteRunning({ ...running, rewardText: '' })).toBe(false);
    expect(inviteEntryText({ rule: running, earned: nothing, total: 0 })).toBe('好友首单完成后得奖励');
  });

  it('hides the entry when the rule is off, unless there are friends or rewards to look at', () => {
    const off = { ...running, enabled: false };
    expect(inviteEntryText({ rule: off, earned: nothing, total: 0 })).toBeNull();
    expect(inviteEntryText({ rule: off, earned: nothing, total: 2 })).toBe('活动暂未开启 · 查看邀请记录');
    expect(inviteEntryText({ rule: off, earned: { ...nothing, rewardedFriends: 1 }, total: 0 })).toBe('活动暂未开启 · 查看邀请记录');
  });
});
