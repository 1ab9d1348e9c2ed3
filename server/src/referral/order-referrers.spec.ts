import { commissionOf } from './commissions.service';
import { orderReferrers } from './order-referrers-participant';
import { DEFAULT_REFERRAL_SETTINGS } from './referral-settings.service';

const AT = new Date('2026-06-01T00:00:00Z');
const on = { ...DEFAULT_REFERRAL_SETTINGS, enabled: true };
const chain = {
  level1: 11,
  level1ExpiresAt: null,
  level1Status: null,
  level2: 22,
  level2ExpiresAt: null,
  level2Status: null,
  buyerStatus: null,
};

describe('orderReferrers: who earns on an order, from the buyer chain at placement', () => {
  it('人人分销 without a minimum: the referrer and the referrer\'s referrer, two levels', () => {
    expect(orderReferrers(chain, on, 7, AT)).toEqual({ level1MemberId: 11, level2MemberId: 22, selfPurchase: false });
  });

  it('a lapsed binding earns nothing at its level (SQLite answers datetimes as UTC text)', () => {
    expect(orderReferrers({ ...chain, level2ExpiresAt: '2026-05-31 23:59:59.000' }, on, 7, AT)).toEqual({ level1MemberId: 11, level2MemberId: null, selfPurchase: false });
    expect(orderReferrers({ ...chain, level2ExpiresAt: new Date('2026-06-02T00:00:00Z') }, on, 7, AT)).toEqual({ level1MemberId: 11, level2MemberId: 22, selfPurchase: false });
  });

  it('no qualifying level 1, no level 2: the level-1 binding lapsed, level 1 frozen, or under the minimum spend', () => {
    const nobody = { level1MemberId: null, level2MemberId: null, selfPurchase: false };
    expect(orderReferrers({ ...chain, level1ExpiresAt: '2026-05-31 23:59:59.000' }, on, 7, AT)).toEqual(nobody);
    expect(orderReferrers({ ...chain, level1Status: 'frozen', level2Status: 'active' }, on, 7, AT)).toEqual(nobody);
    const withMinimum = { ...on, everyoneMinSpendFen: 10000 };
    expect(orderReferrers({ ...chain, level1SpentFen: 9999, level2SpentFen: 10000 }, withMinimum, 7, AT)).toEqual(nobody);
    expect(orderReferrers({ ...chain, level1SpentFen: '10000', level2SpentFen: 10000 }, withMinimum, 7, AT)).toEqual({ level1MemberId: 11, level2MemberId: 22, selfPurchase: false });
  });

  it('frozen or not-yet promoters earn nothing; 指定分销 needs an active row', () => {
    expect(orderReferrers({ ...chain, level1Status: 'frozen' }, on, 7, AT).level1MemberId).toBeNull();
    const approved = { ...on, programMode: 'approved' as const };
    expect(orderReferrers({ ...chain, level1Status: 'active' }, approved, 7, AT)).toEqual({ level1MemberId: 11, level2MemberId: null, selfPurchase: false });
    const withMinimum = { ...on, everyoneMinSpendFen: 10000 };
    expect(orderReferrers(chain, withMinimum, 7, AT)).toEqual({ level1MemberId: null, level2MemberId: null, selfPurchase: false });
  });

  it('自购返佣: the buying promoter is level 1 and their referrer level 2; the third is never anyone', () => {
    expect(orderReferrers(chain, { ...on, selfPurchaseCommission: true }, 7, AT)).toEqual({ level1MemberId: 7, level2MemberId: 11, selfPurchase: true });
    expect(orderReferrers({ ...chain, buyerStatus: 'frozen' }, { ...on, selfPurchaseCommission: true }, 7, AT)).toEqual({ level1MemberId: 11, level2MemberId: 22, selfPurchase: false });
  });

  it('no referrer: nobody', () => {
    expect(orderReferrers({ ...chain, level1: null, level2: null }, on, 7, AT)).toEqual({ level1MemberId: null, level2MemberId: null, selfPurchase: false });
  });
});

describe('commissionOf: rounded down to the fen', () => {
  it.each([
    [4366, 1000, 436],
    [4366, 500, 218],
    [2184, 2000, 436],
    [1, 9999, 0],
    [0, 1000, 0],
    [12345, 10000, 12345],
  ])('%i × %i bp = %i', (base, rate, expected) => {
    expect(commissionOf(base, rate)).toBe(expected);
  });
});
