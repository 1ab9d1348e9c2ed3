import { describe, expect, it } from 'vitest';
import { withdrawalActions } from './withdrawal-actions';

describe('withdrawalActions', () => {
  it('offers approve and reject on a request, cancel and refresh on an open bill, nothing once it ended', () => {
    expect(withdrawalActions({ status: 'requested' }, 'owner')).toEqual(['approve', 'reject']);
    expect(withdrawalActions({ status: 'waiting' }, 'operator')).toEqual(['cancel', 'refresh']);
    expect(withdrawalActions({ status: 'approved' }, 'owner')).toEqual(['cancel', 'refresh']);
    for (const status of ['success', 'failed', 'cancelled', 'rejected'] as const) expect(withdrawalActions({ status }, 'owner')).toEqual([]);
  });

  it('offers nothing to roles the server refuses', () => {
    expect(withdrawalActions({ status: 'requested' }, 'customer_service')).toEqual([]);
    expect(withdrawalActions({ status: 'waiting' }, 'warehouse')).toEqual([]);
  });
});
