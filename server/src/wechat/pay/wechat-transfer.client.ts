import { WechatPayApiError, WechatPayResponseRejected, WechatPayUnreachableError, WechatTransferInvalidInput, WechatTransferOutcomeUnknown } from './wechat-pay-errors';
import type { WechatPayClient } from './wechat-pay.client';
import {
  isTransferState,
  TRANSFER_USER_NAME_REQUIRED_FROM_FEN,
  type TransferSceneReportInfo,
  type WechatTransferBill,
  type WechatTransferCancel,
  type WechatTransferCreated,
} from './wechat-transfer.types';

export interface TransferBillInput {
  /** ≤ 32 letters and digits, fixed per withdrawal: the idempotency key at WeChat. Persist it before calling. */
  outBillNo: string;
  /** The payee's openid under the mini-program; only that WeChat user can confirm. */
  openid: string;
  amountFen: number;
  /** Shown to the payee (≤ 32 characters). */
  remark: string;
  /** 转账场景, e.g. TRANSFER_SCENE_COMMISSION (1005 佣金报酬). */
  sceneId: string;
  /** What the scene requires, e.g. commissionSceneReport('推广员', '推广佣金提现'). */
  sceneReportInfos: TransferSceneReportInfo[];
  /** Where MCHTRANSFER.BILL.FINISHED is sent (no query string). */
  notifyUrl: string;
  /** The payee's real name; required from 2,000 元. Sent encrypted with the WeChat Pay public key. */
  userName?: string;
  /** 用户收款感知, e.g. 劳务报酬 for scene 1005; WeChat shows its default for the scene when omitted. */
  userRecvPerception?: string;
}

const TRANSFER_BILLS = '/v3/fund-app/mch-transfer/transfer-bills';
const OUT_BILL_NO = /^[0-9A-Za-z]{1,32}$/;
const REMARK_MAX_CHARS = 32;

/** The transfer calls, as their errors name them. */
type TransferApi = 'transfer create' | 'transfer query' | 'transfer cancel';

/**
 * Which error codes are a definite refusal (nothing was created or changed by the request), per call.
 * Create: none. WeChat answers a create with 4xx codes that do not mean "no bill": INVALID_REQUEST is also
 * "单号已存在但信息不一致，请查单" and "已超出重试期，请查单确认", and the docs say of any other code "请务必不要换单重试".
 * So every answer error of a create is "outcome unknown: query by out_bill_no first" (only WechatTransferInvalidInput,
 * raised before anything is sent, is certain). Query and cancel move no money: their documented codes stay
 * refusals (a query's NOT_FOUND answers null). Every 5xx and any other code is "outcome unknown".
 */
const DOCUMENTED_REFUSALS: Record<TransferApi, ReadonlySet<string>> = {
  'transfer create': new Set(),
  'transfer query': new Set(['PARAM_ERROR', 'INVALID_REQUEST', 'SIGN_ERROR', 'NO_AUTH', 'FREQUENCY_LIMITED', 'NOT_FOUND']),
  'transfer cancel': new Set(['PARAM_ERROR', 'INVALID_REQUEST', 'SIGN_ERROR', 'NO_AUTH', 'FREQUENCY_LIMITED', 'NOT_FOUND']),
};

/**
 * WeChat Pay 商家转账 in user-confirmation mode: create a bill (the payee then confirms with its package_info),
 * query it, cancel it before the payee confirms. Calls go through WechatPayClient.call, so they are signed and
 * their answers verified exactly like payments. Errors are either a definite refusal (WechatTransferInvalidInput
 * before sending; a query's or cancel's documented WechatPayApiError) or WechatTransferOutcomeUnknown: query by
 * out_bill_no first. A create is never a definite refusal once sent: when the query then finds no bill, the only
 * safe next step is the same out_bill_no with the same parameters again; a new out_bill_no only after the query
 * shows the bill FAIL.
 */
export class WechatTransferClient {
  constructor(private readonly pay: WechatPayClient) {}

  /** POST /v3/fund-app/mch-transfer/transfer-bills. The same out_bill_no answers the same bill, never a second one. */
  async createTransferBill(input: TransferBillInput): Promise<WechatTransferCreated> {
    checkTransferInput(input);
    const encryptedName = input.userName === undefined ? null : this.pay.encryptSensitive(input.userName);
    const answer = await this.send<WechatTransferCreated>(
      'transfer create',
      'POST',
      TRANSFER_BILLS,
      {
        appid: this.pay.appid,
        out_bill_no: input.outBillNo,
        transfer_scene_id: input.sceneId,
        openid: input.openid,
        ...(encryptedName ? { user_name: encryptedName.ciphertext } : {}),
        transfer_amount: input.amountFen,
        transfer_remark: input.remark,
        notify_url: input.notifyUrl,
        ...(input.userRecvPerception === undefined ? {} : { user_recv_perception: input.userRecvPerception }),
        transfer_scene_report_infos: input.sceneReportInfos,
      },
      encryptedName ? { 'wechatpay-serial': encryptedName.serial } : undefined,
    );
    return this.expectBill(answer, input.outBillNo, 'transfer create');
  }

  /** GET …/out-bill-no/{out_bill_no}; null when WeChat has no such bill (NOT_FOUND; only the last 30 days are kept). */
  queryTransferBillByOutNo(outBillNo: string): Promise<WechatTransferBill | null> {
    return this.query(`${TRANSFER_BILLS}/out-bill-no/${encodeURIComponent(outBillNo)}`, outBillNo);
  }

  /** GET …/transfer-bill-no/{transfer_bill_no}; null when WeChat has no such bill. */
  queryTransferBillByNo(transferBillNo: string): Promise<WechatTransferBill | null> {
    return this.query(`${TRANSFER_BILLS}/transfer-bill-no/${encodeURIComponent(transferBillNo)}`, null);
  }

  /** POST …/out-bill-no/{out_bill_no}/cancel, before the payee confirms. Accepted = CANCELING; CANCELLED follows. */
  async cancelTransferBill(outBillNo: string): Promise<WechatTransferCancel> {
    const answer = await this.send<WechatTransferCancel>('transfer cancel', 'POST', `${TRANSFER_BILLS}/out-bill-no/${encodeURIComponent(outBillNo)}/cancel`, {});
    return this.expectBill(answer, outBillNo, 'transfer cancel');
  }

  private async query(path: string, outBillNo: string | null): Promise<WechatTransferBill | null> {
    try {
      const answer = await this.send<WechatTransferBill>('transfer query', 'GET', path);
      return this.expectBill(answer, outBillNo, 'transfer query');
    } catch (error) {
      // A documented refusal of a query stays a WechatPayApiError (transferFailure): NOT_FOUND is "no such bill".
      if (error instanceof WechatPayApiError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  private async send<T>(api: TransferApi, method: 'GET' | 'POST', path: string, json?: unknown, headers?: Record<string, string>): Promise<T | null> {
    try {
      return await this.pay.call<T>(api, method, path, json, headers);
    } catch (error) {
      throw transferFailure(api, error);
    }
  }

  /** A 200 answer that does not name the bill asked for, or a state WeChat does not document, is not trusted. */
  private expectBill<T extends { out_bill_no: string; transfer_bill_no: string; state: unknown }>(answer: T | null, outBillNo: string | null, api: string): T {
    const wellFormed =
      answer !== null &&
      typeof answer.transfer_bill_no === 'string' &&
      isTransferState(answer.state) &&
      (outBillNo === null ? typeof answer.out_bill_no === 'string' : answer.out_bill_no === outBillNo);
    if (!wellFormed) throw new WechatTransferOutcomeUnknown(api, new WechatPayUnreachableError(`${api}: answer is not a transfer bill`));
    return answer;
  }
}

/** Refuses what WeChat would refuse, before anything is sent (so no bill can exist for it). */
function checkTransferInput(input: TransferBillInput): void {
  const problem = (() => {
    if (!OUT_BILL_NO.test(input.outBillNo)) return 'out_bill_no 须为 1-32 位数字或字母';
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) return '转账金额须为正整数（分）';
    if (!input.openid) return '收款用户 openid 必填';
    if ([...input.remark].length < 1 || [...input.remark].length > REMARK_MAX_CHARS) return `转账备注须为 1-${REMARK_MAX_CHARS} 个字符`;
    if (input.amountFen >= TRANSFER_USER_NAME_REQUIRED_FROM_FEN && !input.userName) return '单笔转账满 2000 元时必须提供收款人真实姓名';
    if (input.sceneReportInfos.length === 0) return '转账场景报备信息必填';
    return null;
  })();
  if (problem) throw new WechatTransferInvalidInput(problem);
}

/** A documented refusal of the call stays a WechatPayApiError; anything whose outcome is unclear becomes WechatTransferOutcomeUnknown. */
export function transferFailure(api: TransferApi, error: unknown): unknown {
  if (error instanceof WechatPayApiError && error.status < 500 && DOCUMENTED_REFUSALS[api].has(error.code)) return error;
  if (error instanceof WechatPayApiError || error instanceof WechatPayUnreachableError || error instanceof WechatPayResponseRejected) {
    return new WechatTransferOutcomeUnknown(api, error);
  }
  return error;
}
