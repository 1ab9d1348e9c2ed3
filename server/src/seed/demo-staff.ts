import type { StaffRole } from '../../../shared';

/** Demo staff accounts created on an empty database and printed at start. */
export const DEMO_STAFF: { username: string; password: string; role: StaffRole; displayName: string; label: string }[] = [
  { username: 'owner', password: 'demo1234', role: 'owner', displayName: '林店主', label: '店主' },
  { username: 'operator', password: 'demo1234', role: 'operator', displayName: '周运营', label: '运营' },
  { username: 'service', password: 'demo1234', role: 'customer_service', displayName: '陈客服', label: '客服' },
  { username: 'warehouse', password: 'demo1234', role: 'warehouse', displayName: '王仓管', label: '仓管' },
];
