import type { MyInvites } from '@shared/api/invite-rewards';
import { request } from './request';

/** 邀请有礼: the rule, what I earned, and one page of the friends I invited (newest first). */
export function fetchMyInvites(page: number, pageSize: number): Promise<MyInvites> {
  return request<MyInvites>('/referral/invites', { query: { page, pageSize }, toast: false });
}
