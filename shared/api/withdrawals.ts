/**
 * Promoters' withdrawals through WeChat Pay 商家转账 (user-confirmation mode). Server: server/src/referral/withdrawals/.
 * requested → approved (staff) → waiting (bill WAIT_USER_CONFIRM, package stored) → success | failed | cancelled;
 * rejected by staff before approval. Rejected, failed and cancelled give the amount back to the balance once.
 */
import type { Fen } from '../money';

export const WITHDRAWAL_STATUSES = ['requested', 'approved', 'waiting', 'success', 'failed', 'cancelled', 'rejected'] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];
export const WITHDRAWAL_STATUS_LABELS: Record<WithdrawalStatus, string> = {
  requested: '待审核',
  approved: '已通过，转账中',
  waiting: '待确认收款',
  success: '已到账',
  failed: '转账失败',
  cancelled: '已撤销',
  rejected: '未通过',
};
/** States after which nothing changes any more (the amount is either paid out or back in the balance). */
export const FINAL_WITHDRAWAL_STATUSES: readonly WithdrawalStatus[] = ['success', 'failed', 'cancelled', 'rejected'];

/** WeChat's bill states, as staff read them. */
export const TRANSFER_STATE_LABELS: Record<string, string> = {
  ACCEPTED: '已受理',
  PROCESSING: '锁定资金中',
  WAIT_USER_CONFIRM: '待用户确认',
  TRANSFERING: '转账中',
  SUCCESS: '转账成功',
  FAIL: '转账失败',
  CANCELING: '撤销中',
  CANCELLED: '已撤销',
};

/** WeChat's fail reasons promoters and staff may meet, in words. */
export const TRANSFER_FAIL_REASON_LABELS: Record<string, string> = {
  OVERDUE_CLOSE: '超过 24 小时未确认收款，转账已关闭',
  TRANSFER_SCENE_UNAVAILABLE: '转账场景暂不可用',
  ACCOUNT_FROZEN: '收款账户已冻结',
  REAL_NAME_CHECK_FAIL: '收款人未实名',
  NAME_NOT_CORRECT: '收款人姓名不一致',
  OPENID_INVALID: '收款账户有问题',
  TRANSFER_QUOTA_EXCEED: '超出收款限额',
  DAY_RECEIVED_QUOTA_EXCEED: '超出今日收款限额',
  MONTH_RECEIVED_QUOTA_EXCEED: '超出本月收款限额',
  DAY_RECEIVED_COUNT_EXCEED: '超出今日收款次数',
  ID_CARD_NOT_CORRECT: '收款人身份证不一致',
  ACCOUNT_NOT_EXIST: '收款账户不存在',
  TRANSFER_RISK: '转账存在风险，已拦截',
  OTHER_FAIL_REASON_TYPE: '其他原因',
  BLOCK_B2C_USERLIMITAMOUNT_BSRULE_MONTH: '超出本月收款限额',
  BLOCK_B2C_USERLIMITAMOUNT_MONTH: '超出本月收款限额',
  MERCHANT_REJECT: '商户拒绝',
  MERCHANT_NOT_CONFIRM: '商户未确认',
};

/** WeChat takes at least 0.1 元 per bill; from 2,000 元 it needs the payee's real name, which the shop does not hold. */
export const WITHDRAWAL_WECHAT_MIN_FEN: Fen = 10;
export const WITHDRAWAL_MAX_FEN: Fen = 199_999;

/** `POST /api/v1/referral/withdrawals` (member). */
export interface RequestWithdrawalRequest {
  amountFen: Fen;
}

/** A withdrawal as its promoter sees it. */
export interface Withdrawal {
  id: number;
  amountFen: Fen;
  status: WithdrawalStatus;
  statusText: string;
  /** Staff's reason, when rejected. */
  rejectReason: string | null;
  /** Why WeChat failed it, in words (failed only). */
  failReasonText: string | null;
  /** WeChat's bill state (null before the bill exists). */
  wechatState: string | null;
  /** The promoter may tap 确认收款 now (waiting, and WeChat still takes a confirmation). */
  canConfirm: boolean;
  requestedAt: string;
  reviewedAt: string | null;
  finishedAt: string | null;
}

/** `GET /api/v1/referral/withdrawals` (member): my withdrawals, newest first, and the rules. */
export interface MyWithdrawals {
  balanceFen: Fen;
  debtFen: Fen;
  minFen: Fen;
  maxFen: Fen;
  dailyLimitFen: Fen;
  /** What is left of today's (China day) limit. */
  todayLeftFen: Fen;
  items: Withdrawal[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * `GET /api/v1/referral/withdrawals/:id/confirm-params` (member, own withdrawal, waiting): what
 * wx.requestMerchantTransfer takes. H5 opens the fake's confirm page with `package` instead.
 */
export interface WithdrawalConfirmParams {
  mchId: string;
  appId: string;
  package: string;
}

/** The console's view: `GET /api/v1/admin/referral/withdrawals?status=&memberId=&page=`. */
export interface AdminWithdrawal extends Withdrawal {
  memberId: number;
  nickname: string;
  phone: string | null;
  outBillNo: string;
  transferBillNo: string | null;
  failReason: string | null;
  /** The last error WeChat answered while creating or querying the bill (retried by the sweep). */
  lastError: string | null;
  reviewedByStaffId: number | null;
  reviewedByName: string | null;
  cancelledByStaffId: number | null;
  cancelledByName: string | null;
  cancelRequestedAt: string | null;
  wechatCheckedAt: string | null;
}

/** `POST /api/v1/admin/referral/withdrawals/:id/reject`: the reason is shown to the promoter. */
export interface RejectWithdrawalRequest {
  reason: string;
}
