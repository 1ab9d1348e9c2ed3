import type { AfterSaleRow } from '../after-sales/after-sale.entity';
import { orderTimeline } from './order-views';
import type { OrderRow } from './order.entity';

const at = (text: string) => new Date(text);

function order(changes: Partial<OrderRow>): OrderRow {
  return {
    createdAt: at('2026-11-22T10:00:00.700Z'),
    payableFen: 5800,
    paidAt: null,
    shippedAt: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    cancelNote: null,
    carrierCode: null,
    trackingNo: null,
    shipRemindedAt: null,
    ...changes,
  } as OrderRow;
}

function afterSale(changes: Partial<AfterSaleRow>): AfterSaleRow {
  return {
    type: 'refund_only',
    status: 'applied',
    reason: '不想要了',
    rejectReason: null,
    refundFen: 5800,
    createdAt: at('2026-11-22T10:05:00Z'),
    handledAt: null,
    returnCarrierCode: null,
    returnTrackingNo: null,
    returnShippedAt: null,
    returnReceivedAt: null,
    refundStartedAt: null,
    refundedAt: null,
    ...changes,
  } as AfterSaleRow;
}

describe('orderTimeline', () => {
  it('keeps the order of events within one second (seconds-only columns beside a millisecond createdAt)', () => {
    const timeline = orderTimeline(order({ paidAt: at('2026-11-22T10:00:00Z'), shippedAt: at('2026-11-22T10:00:00Z'), carrierCode: 'SF', trackingNo: 'SF123456' }), []);
    expect(timeline.map((entry) => entry.event)).toEqual(['created', 'paid', 'shipped']);
    expect(timeline[1].text).toBe('已付款 ¥58.00');
    expect(timeline[2].text).toBe('商家已发货：顺丰速运 SF123456');
  });

  it('interleaves after-sale steps by time: a rejected case, then shipping, then a refunded return', () => {
    const timeline = orderTimeline(
      order({ paidAt: at('2026-11-22T10:01:00Z'), shippedAt: at('2026-11-22T11:00:00Z'), carrierCode: 'ZTO', trackingNo: 'ZT123456' }),
      [
        afterSale({ status: 'rejected', handledAt: at('2026-11-22T10:30:00Z'), rejectReason: '已打包' }),
        afterSale({
          type: 'return_refund',
          status: 'refunded',
          reason: '商品破损',
          createdAt: at('2026-11-23T09:00:00Z'),
          handledAt: at('2026-11-23T10:00:00Z'),
          refundStartedAt: at('2026-11-24T10:00:00Z'),
          refundedAt: at('2026-11-24T10:00:03Z'),
        }),
      ],
    );
    expect(timeline.map((entry) => entry.event)).toEqual([
      'created',
      'paid',
      'after_sale_applied',
      'after_sale_rejected',
      'shipped',
      'after_sale_applied',
      'after_sale_approved',
      'refund_started',
      'refunded',
    ]);
    expect(timeline[3].text).toBe('商家拒绝了仅退款申请：已打包');
    expect(timeline[6].text).toBe('商家已同意退货退款，请寄回商品');
  });

  it('tells a return step by step: the reminder to ship, the parcel back, its receipt, the refund', () => {
    const timeline = orderTimeline(
      order({
        paidAt: at('2026-11-22T10:01:00Z'),
        shipRemindedAt: at('2026-11-22T12:00:00Z'),
        shippedAt: at('2026-11-22T14:00:00Z'),
        carrierCode: 'SF',
        trackingNo: 'SF123456',
      }),
      [
        afterSale({
          type: 'return_refund',
          status: 'refunded',
          reason: '商品破损',
          createdAt: at('2026-11-23T09:00:00Z'),
          handledAt: at('2026-11-23T10:00:00Z'),
          returnCarrierCode: 'YTO',
          returnTrackingNo: 'YT7770001234',
          returnShippedAt: at('2026-11-23T15:00:00Z'),
          returnReceivedAt: at('2026-11-25T09:00:00Z'),
          refundStartedAt: at('2026-11-25T09:05:00Z'),
          refundedAt: at('2026-11-25T09:05:03Z'),
        }),
      ],
    );
    expect(timeline.map((entry) => [entry.event, entry.text])).toEqual([
      ['created', '订单已提交'],
      ['paid', '已付款 ¥58.00'],
      ['ship_reminded', '已提醒商家尽快发货'],
      ['shipped', '商家已发货：顺丰速运 SF123456'],
      ['after_sale_applied', '申请退货退款：商品破损'],
      ['after_sale_approved', '商家已同意退货退款，请寄回商品'],
      ['return_shipped', '已寄回商品：圆通速递 YT7770001234'],
      ['return_received', '商家已收到退货'],
      ['refund_started', '退款处理中：¥58.00，原路退回'],
      ['refunded', '退款成功：¥58.00'],
    ]);
  });

  it('names who cancelled and the staff reason', () => {
    const timeline = orderTimeline(order({ cancelledAt: at('2026-11-22T10:10:00Z'), cancelReason: 'staff', cancelNote: '客户要求' }), []);
    expect(timeline.at(-1)!.text).toBe('订单已取消：商家取消（客户要求）');
  });
});
