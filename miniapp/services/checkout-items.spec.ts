import { encodeCheckoutItems, encodeGroupBuy, parseCheckoutItems, parseGroupBuy } from './checkout-items';

describe('checkout items in the URL', () => {
  it('round-trips SKUs and quantities', () => {
    const items = [
      { skuId: 12, quantity: 2 },
      { skuId: 15, quantity: 1 },
    ];
    expect(encodeCheckoutItems(items)).toBe('12x2,15x1');
    expect(parseCheckoutItems(encodeCheckoutItems(items))).toEqual({ items });
    expect(parseCheckoutItems(encodeURIComponent('12x2,15x1'))).toEqual({ items });
  });

  it('says why missing, malformed and over-limit parts cannot be checked out', () => {
    expect(parseCheckoutItems(undefined)).toEqual({ problem: '没有要结算的商品' });
    expect(parseCheckoutItems('12x2,abc')).toEqual({ problem: '商品链接有误，请返回重新选择' });
    expect(parseCheckoutItems('0x1')).toEqual({ problem: '商品链接有误，请返回重新选择' });
    expect(parseCheckoutItems('12x0')).toEqual({ problem: '商品链接有误，请返回重新选择' });
    expect(parseCheckoutItems('12x185')).toEqual({ problem: '每单限购 99 件，请返回修改数量' });
  });
});

describe('a 拼团 checkout in the URL', () => {
  it('round-trips opening a team and joining one', () => {
    expect(encodeGroupBuy({ campaignId: 3, teamId: null })).toBe('3:new');
    expect(parseGroupBuy('3:new')).toEqual({ campaignId: 3, teamId: null });
    expect(parseGroupBuy(encodeURIComponent(encodeGroupBuy({ campaignId: 3, teamId: 41 })))).toEqual({ campaignId: 3, teamId: 41 });
  });

  it('is an ordinary checkout when absent or malformed', () => {
    expect(parseGroupBuy(undefined)).toBeUndefined();
    expect(parseGroupBuy('3')).toBeUndefined();
    expect(parseGroupBuy('x:new')).toBeUndefined();
  });
});
