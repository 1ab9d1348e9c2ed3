import { inducedSharingPhrase, inviteSummary, rewardTextOf } from './api/invite-rewards';

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
    expect(inducedSharingPhrase(summary)).toBeNull();
  });

  it('says the program is off when it is off or has no reward', () => {
    expect(inviteSummary(false, '200 积分', 7)).toBe('邀请有礼活动暂未开启。');
    expect(inviteSummary(true, '', 7)).toBe('邀请有礼活动暂未开启。');
  });
});

describe('诱导分享 in the rule text', () => {
  it.each([
    ['分享到朋友圈送积分，转发给好友就有奖励', '分享到朋友圈送'],
    ['转发给好友就有奖励', '转发给好友就有奖'],
    ['分享即送10元券！', '分享即送'],
    ['注册就领红包', '注册就领'],
    ['拉好友进群返现', '群返'],
    ['分享后即可获得积分', '分享后即可获得'],
    ['只分享不会获得奖励；转发就送券', '转发就送'],
    ['分享朋友圈有礼', '分享朋友圈有礼'],
  ])('refuses %s', (text, phrase) => {
    expect(inducedSharingPhrase(text)).toBe(phrase);
  });

  it.each([
    '',
    '奖励券 7 天内有效。',
    '只分享不会获得奖励',
    '好友只注册没有奖励，首单完成后才发放',
    '分享无奖励。好友首单完成后送10元券',
    '分享给好友。',
    '好友首单确认收货并过了售后期后，赠送积分',
  ])('accepts %s', (text) => {
    expect(inducedSharingPhrase(text)).toBeNull();
  });
});
