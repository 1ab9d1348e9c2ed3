/** Shapes of WeChat Pay 商家转账 (user-confirmation mode) as sent and received (snake_case, amounts in fen). */

/**
 * A transfer bill's state. ACCEPTED, PROCESSING, WAIT_USER_CONFIRM, TRANSFERING and CANCELING are open;
 * SUCCESS, FAIL and CANCELLED are final (and only those are notified).
 */
export const TRANSFER_STATES = ['ACCEPTED', 'PROCESSING', 'WAIT_USER_CONFIRM', 'TRANSFERING', 'SUCCESS', 'FAIL', 'CANCELING', 'CANCELLED'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

const FINAL_STATES: ReadonlySet<TransferState> = new Set(['SUCCESS', 'FAIL', 'CANCELLED']);

export function isTransferState(value: unknown): value is TransferState {
  return typeof value === 'string' && (TRANSFER_STATES as readonly string[]).includes(value);
}

export function isFinalTransferState(state: TransferState): boolean {
  return FINAL_STATES.has(state);
}

/** 转账场景 1005 佣金报酬: what promoters' commission is paid under. */
export const TRANSFER_SCENE_COMMISSION = '1005';

/** From this amount on WeChat requires the payee's real name (user_name), encrypted. */
export const TRANSFER_USER_NAME_REQUIRED_FROM_FEN = 200_000;

/** 转账场景报备信息: one {info_type, info_content} the scene requires. */
export interface TransferSceneReportInfo {
  info_type: string;
  info_content: string;
}

/**
 * The two report items scene 1005 佣金报酬 requires: 岗位类型 (e.g. 推广员) and 报酬说明 (e.g. 6月推广佣金).
 * WeChat refuses the bill with PARAM_ERROR "需传入转账场景报备信息" without them.
 */
export function commissionSceneReport(position: string, description: string): TransferSceneReportInfo[] {
  return [
    { info_type: '岗位类型', info_content: position },
    { info_type: '报酬说明', info_content: description },
  ];
}

/**
 * The answer of POST /v3/fund-app/mch-transfer/transfer-bills: HTTP 200 + WAIT_USER_CONFIRM means created,
 * and package_info is what the payee confirms with (wx.requestMerchantTransfer). Creating again with the
 * same out_bill_no answers the same bill, with its package_info while it still waits.
 */
export interface WechatTransferCreated {
  out_bill_no: string;
  transfer_bill_no: string;
  create_time: string;
  state: TransferState;
  package_info?: string;
  fail_reason?: string;
}

/** A bill as the query APIs answer it (last 30 days only). It carries no package_info: keep create's. */
export interface WechatTransferBill {
  mch_id: string;
  out_bill_no: string;
  transfer_bill_no: string;
  appid: string;
  state: TransferState;
  transfer_amount: number;
  transfer_remark: string;
  fail_reason?: string;
  openid: string;
  /** Encrypted, when the bill was created with one. */
  user_name?: string;
  create_time: string;
  update_time: string;
}

/** The answer of cancel: the cancel is accepted (CANCELING); CANCELLED comes by notification or query. */
export interface WechatTransferCancel {
  out_bill_no: string;
  transfer_bill_no: string;
  state: TransferState;
  update_time: string;
}

/** The decrypted resource of MCHTRANSFER.BILL.FINISHED (sent on SUCCESS, FAIL and CANCELLED; may repeat). */
export interface WechatTransferNotice {
  mchid: string;
  out_bill_no: string;
  transfer_bill_no: string;
  state: TransferState;
  transfer_amount: number;
  fail_reason?: string;
  openid: string;
  create_time: string;
  update_time: string;
}
