import { ORDER_STATUSES } from '@shared/api/orders';
import { ALL_STAFF_ROLES } from '@shared/roles';
import { describe, expect, it } from 'vitest';
import { orderActions, shipBlockedReason } from './order-actions';

describe('orderActions', () => {
  it('offers shipping of a paid order to owner, operator and warehouse, not customer service', () => {
    expect(orderActions('paid', 'owner')).toEqual(['ship']);
    expect(orderActions('paid', 'operator')).toEqual(['ship']);
    expect(orderActions('paid', 'warehouse')).toEqual(['ship']);
    expect(orderActions('paid', 'customer_service')).toEqual([]);
  });

  it('offers cancelling an unpaid order to everyone but the warehouse', () => {
    expect(orderActions('pending_payment', 'owner')).toEqual(['cancel']);
    expect(orderActions('pending_payment', 'customer_service')).toEqual(['cancel']);
    expect(orderActions('pending_payment', 'warehouse')).toEqual([]);
  });

  it('offers nothing for orders past shipping, cancelled or in after-sale', () => {
    const settled = ORDER_STATUSES.filter((status) => status !== 'paid' && status !== 'pending_payment');
    for (const status of settled) {
      for (const role of ALL_STAFF_ROLES) expect(orderActions(status, role), `${status} / ${role}`).toEqual([]);
    }
  });

  it('keeps 发货 of a paid order waiting for its 拼团 team disabled with the reason, and only that order', () => {
    expect(shipBlockedReason({ status: 'paid', fulfilmentHold: 'group_buy' })).toBe('拼团成功后才能发货');
    expect(shipBlockedReason({ status: 'paid', fulfilmentHold: null })).toBeNull();
    expect(shipBlockedReason({ status: 'paid' })).toBeNull();
    expect(shipBlockedReason({ status: 'refunded', fulfilmentHold: 'group_buy' })).toBeNull();
  });
});
