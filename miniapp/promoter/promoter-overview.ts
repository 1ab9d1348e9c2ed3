import { MAX_PAGE_SIZE } from '@shared/api/common';
import type { MyPromoterStatus } from '@shared/api/referral';
import { FINAL_WITHDRAWAL_STATUSES } from '@shared/api/withdrawals';
import { fetchPromoterStatus } from '@/services/referral';
import { listMyWithdrawals } from '@/services/withdrawals';

/** The member's 分销 status, and whether one of their withdrawals is still under way (asked only while 分销 is off). */
export interface PromoterOverview {
  status: MyPromoterStatus;
  openWithdrawal: boolean;
}

/**
 * With 分销 off, a member who has a withdrawal waiting for 确认收款 (or for review) must still reach it, even with
 * nothing left in the balance. Withdrawals come newest first and settle within a day, so the newest page holds any
 * that is still open.
 */
export async function fetchPromoterOverview(): Promise<PromoterOverview> {
  const status = await fetchPromoterStatus();
  if (status.programEnabled) return { status, openWithdrawal: false };
  const withdrawals = await listMyWithdrawals({ page: 1, pageSize: MAX_PAGE_SIZE });
  return { status, openWithdrawal: withdrawals.items.some((withdrawal) => !FINAL_WITHDRAWAL_STATUSES.includes(withdrawal.status)) };
}
