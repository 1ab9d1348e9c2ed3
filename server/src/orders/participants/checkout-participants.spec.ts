import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../../platform/errors/api-exception';
import type { DomainEvents } from '../../platform/events/domain-events.service';
import type { CheckoutParticipant, ParticipantLine, ParticipantQuote, QuoteInput } from './checkout-participant';
import { CheckoutParticipants } from './checkout-participants';

const manager = {} as EntityManager;
const line = (skuId: number): ParticipantLine => ({ skuId, productId: skuId, categoryId: 1, title: `商品${skuId}`, quantity: 1, unitPriceFen: 1000, stock: 10, priceSourceName: 'list' });
const loyalty = { level: { name: '普通会员' }, memberPricePercent: 100, freeShippingThresholdFen: null, pointsBalance: 0, pointsPerYuan: 100, pointsMaxSharePercent: 50 };
const source = { channelCode: null, referrerCode: null, sharerMemberId: null, liveRoomId: null, groupBuyTeamId: null, liveSessionId: null, liveAttribution: null };

function quoteInput(forPreview: boolean, skuIds = [1, 2, 3]): Omit<QuoteInput, 'price'> {
  return {
    memberId: 7,
    source,
    now: new Date(),
    forPreview,
    groupBuy: null,
    choice: { memberCouponId: null, usePoints: false },
    buyer: loyalty as QuoteInput['buyer'],
    lines: skuIds.map(line),
    pricing: { shipping: { shippingFeeFen: 0, freeShippingThresholdFen: null } },
  };
}

/** A participant that writes down every call in `calls` and answers what it is given. */
function participant(name: string, rank: number, calls: string[], answer: (input: QuoteInput) => ParticipantQuote = () => ({}), reservesLast = false): CheckoutParticipant {
  return {
    name,
    rank,
    reservesLast,
    quote: (input) => {
      calls.push(`quote ${name} [${input.lines.map((l) => l.skuId).join(',')}]`);
      return answer(input);
    },
    reserve: async (_manager, input) => {
      calls.push(`reserve ${name}${input.hold === undefined ? '' : ` ${String(input.hold)}`}`);
    },
    release: async () => {
      calls.push(`release ${name}`);
    },
  };
}

function registry(calls: string[]): CheckoutParticipants {
  const events = { flush: async () => void calls.push('flush events') } as unknown as DomainEvents;
  return new CheckoutParticipants(events);
}

const limitReached = (skuId: number) => new ApiException('PURCHASE_LIMIT_REACHED', HttpStatus.CONFLICT, `商品${skuId}限购 1 件`, { skuId });

describe('CheckoutParticipants', () => {
  it('quotes by rank (a tie: registered first), reserves and releases in the same order with the reservesLast one last, after the events', async () => {
    const calls: string[] = [];
    const participants = registry(calls);
    participants.register(participant('points', 400, calls));
    participants.register(participant('stock', 100, calls, () => ({}), true));
    participants.register(participant('coupons', 300, calls));
    participants.register(participant('seat', 200, calls));
    participants.register(participant('limit', 200, calls));
    expect(participants.quoteOrder()).toEqual(['stock', 'seat', 'limit', 'coupons', 'points']);
    expect(participants.reserveOrder()).toEqual(['seat', 'limit', 'coupons', 'points', 'stock']);

    await participants.reserve(manager, { memberId: 7, orderId: 1, orderNo: 'x', lines: [], pricing: {} as never, now: new Date() }, new Map([['coupons', 'c9']]));
    expect(calls).toEqual(['reserve seat', 'reserve limit', 'reserve coupons c9', 'reserve points', 'flush events', 'reserve stock']);

    calls.length = 0;
    const order = { id: 1, orderNo: 'x', memberId: 7, memberCouponId: null, pointsUsed: 0, fulfilmentHold: null };
    await participants.release(manager, { order, lines: [], cause: { kind: 'cancel', reason: 'shopper' } });
    expect(calls).toEqual(['release seat', 'release limit', 'release coupons', 'release points', 'flush events', 'release stock']);
  });

  it('refuses a second participant of the same name, and a second one that wants to reserve last', () => {
    const participants = registry([]);
    participants.register(participant('stock', 100, [], () => ({}), true));
    expect(() => participants.register(participant('stock', 5, []))).toThrow('registered twice');
    expect(() => participants.register(participant('seats', 5, [], () => ({}), true))).toThrow('already does');
  });

  it('leaves a refused line out for the participants after it and out of the lines priced; a preview collects every refusal', async () => {
    const calls: string[] = [];
    const participants = registry(calls);
    participants.register(participant('stock', 100, calls, () => ({ refusals: [{ error: limitReached(2), skuIds: [2], lineReason: 'sold_out' }] }), true));
    participants.register(participant('limit', 200, calls, () => ({ refusals: [{ error: limitReached(3), skuIds: [3] }] })));
    participants.register(participant('coupons', 300, calls, () => ({ pricing: { couponDiscountFen: 500 }, order: { couponName: '券' }, hold: 'c9' })));
    participants.register(participant('points', 400, calls, (input) => ({ hold: input.price().couponDiscountFen })));

    const quote = await participants.quote(quoteInput(true));
    expect(calls).toEqual(['quote stock [1,2,3]', 'quote limit [1,3]', 'quote coupons [1]', 'quote points [1]']);
    expect(quote.lines.map((l) => l.skuId)).toEqual([1]);
    expect(quote.refusals.map((refusal) => refusal.skuIds)).toEqual([[2], [3]]);
    expect(quote.order).toEqual({ couponName: '券' });
    expect(quote.pricing.couponDiscountFen).toBe(500);
    // The points saw the coupon's saving in the pricing so far.
    expect([...quote.holds]).toEqual([
      ['coupons', 'c9'],
      ['points', 500],
    ]);
  });

  it('placing an order stops at the first refusal with its 409, asking no participant after it', async () => {
    const calls: string[] = [];
    const participants = registry(calls);
    participants.register(participant('limit', 200, calls, () => ({ refusals: [{ error: limitReached(3), skuIds: [3] }] })));
    participants.register(participant('coupons', 300, calls));
    await expect(participants.quote(quoteInput(false))).rejects.toMatchObject({ code: 'PURCHASE_LIMIT_REACHED', details: { skuId: 3 } });
    expect(calls).toEqual(['quote limit [1,2,3]']);
  });
});
