import { describe, expect, it } from 'vitest';
import { newOrderNotice } from './NewOrderNotices';

const order = (orderNo: string, nickname: string | null) => ({ orderNo, payableFen: 12800, paidAt: '2026-12-06T02:00:00.000Z', memberNickname: nickname, itemsText: '西湖龙井 ×1' });

describe('newOrderNotice', () => {
  it('says nothing when nothing new was paid', () => {
    expect(newOrderNotice({ count: 0, latest: [], until: '2026-12-06T02:00:00.000Z' })).toBeNull();
  });

  it('one new order links to its detail', () => {
    expect(newOrderNotice({ count: 1, latest: [order('202612060001', '小林')], until: '' })).toEqual({
      description: '小林 付款 ¥128.00：西湖龙井 ×1',
      link: '/orders/202612060001',
    });
  });

  it('several link to the 待发货 list and name the newest', () => {
    expect(newOrderNotice({ count: 7, latest: [order('202612060009', null), order('202612060008', '小林')], until: '' })).toEqual({
      description: '7 笔新订单已付款，最新一笔：会员 付款 ¥128.00：西湖龙井 ×1',
      link: '/orders?status=paid',
    });
  });
});
