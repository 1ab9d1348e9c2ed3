import { describe, expect, it } from 'vitest';
import { afterSaleActions } from './after-sale-actions';

describe('afterSaleActions', () => {
  it('lets after-sale roles approve or reject an applied case', () => {
    for (const role of ['owner', 'operator', 'customer_service'] as const) {
      expect(afterSaleActions({ type: 'refund_only', status: 'applied' }, role)).toEqual(['approve', 'reject']);
    }
  });

  it('lets the warehouse only confirm that a returned parcel arrived', () => {
    expect(afterSaleActions({ type: 'refund_only', status: 'applied' }, 'warehouse')).toEqual([]);
    expect(afterSaleActions({ type: 'return_refund', status: 'applied' }, 'warehouse')).toEqual([]);
    expect(afterSaleActions({ type: 'return_refund', status: 'approved' }, 'warehouse')).toEqual(['receive']);
    expect(afterSaleActions({ type: 'return_refund', status: 'return_received' }, 'warehouse')).toEqual([]);
  });

  it('asks for 确认收到退货 on an approved return, and 确认退款 only once the goods are back', () => {
    expect(afterSaleActions({ type: 'return_refund', status: 'approved' }, 'customer_service')).toEqual(['receive']);
    expect(afterSaleActions({ type: 'return_refund', status: 'return_received' }, 'customer_service')).toEqual(['refund']);
    // Approving 仅退款 already started the refund.
    expect(afterSaleActions({ type: 'refund_only', status: 'approved' }, 'customer_service')).toEqual([]);
  });

  it('offers nothing once a case is rejected, refunding or refunded', () => {
    for (const status of ['rejected', 'refunding', 'refunded'] as const) {
      expect(afterSaleActions({ type: 'return_refund', status }, 'owner')).toEqual([]);
    }
  });
});
