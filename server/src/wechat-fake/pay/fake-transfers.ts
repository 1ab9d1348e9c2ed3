import { randomBytes } from 'node:crypto';
import { chinaRfc3339 } from '../../../../shared';
import type { TransferState, WechatTransferBill, WechatTransferCreated, WechatTransferNotice } from '../../wechat/pay/wechat-transfer.types';
import type { FakeResponse } from '../fake-router';
import type { FakeWechatPay } from './fake-wechat-pay';
import { formatCompactTime, payError } from './pay-answers';

/** What a create request asks for, already checked for shape by the route. */
export interface FakeTransferRequest {
  outBillNo: string;
  sceneId: string;
  openid: string;
  amountFen: number;
  remark: string;
  notifyUrl: string | null;
  /** As received: encrypted with the platform public key. */
  userNameCipher: string | null;
  userRecvPerception: string | null;
}

export interface FakeTransferBill extends FakeTransferRequest {
  transferBillNo: string;
  /** What the payee confirms with (wx.requestMerchantTransfer's package). */
  packageInfo: string;
  state: TransferState;
  failReason: string | null;
  createdAt: number;
  updatedAt: number;
  /** The MCHTRANSFER.BILL.FINISHED sent when it ended, kept for redelivery. */
  notification: Record<string, unknown> | null;
}

/** What the next create answers instead of its normal answer (the bill is created all the same). */
export type FakeTransferFault = 'timeout' | 'system_error';

/** The payee has 24 hours to confirm; then the bill ends FAIL / OVERDUE_CLOSE. */
export const TRANSFER_CONFIRM_WINDOW_MS = 24 * 3600 * 1000;
/** How often a long-running fake looks for bills past the window (tests call expireDue or the tester endpoint). */
const EXPIRY_SWEEP_MS = 60_000;

/** States in which the payee has not confirmed yet: the merchant may cancel, the window may run out. */
const UNCONFIRMED: ReadonlySet<TransferState> = new Set(['ACCEPTED', 'PROCESSING', 'WAIT_USER_CONFIRM']);

export type FakeTransferOutcome = { ok: true; bill: FakeTransferBill } | { ok: false; status: number; message: string };

/**
 * The fake's 商家转账 (user-confirmation mode): bills in memory, keyed by out_bill_no. A bill is created
 * WAIT_USER_CONFIRM with a package; the payee confirms (tester endpoint or the H5 page) → TRANSFERING →
 * SUCCESS; the merchant cancels → CANCELING → CANCELLED; unconfirmed after 24 h (the fake's clock) → FAIL.
 * Each final state sends a signed, encrypted MCHTRANSFER.BILL.FINISHED to the bill's notify_url.
 */
export class FakeTransfers {
  private readonly bills = new Map<string, FakeTransferBill>();
  private readonly faults: FakeTransferFault[] = [];
  private readonly expirySweep: NodeJS.Timeout;

  constructor(
    private readonly pay: FakeWechatPay,
    private readonly options: { settleMs: number; timeoutDelayMs: number },
  ) {
    this.expirySweep = setInterval(() => this.expireDue(), EXPIRY_SWEEP_MS);
    this.expirySweep.unref();
  }

  bill(outBillNo: string): FakeTransferBill | undefined {
    this.expireDue();
    return this.bills.get(outBillNo);
  }

  /** Every bill the fake holds (tests count them: one withdrawal, one bill). */
  all(): FakeTransferBill[] {
    return [...this.bills.values()];
  }

  billByTransferNo(transferBillNo: string): FakeTransferBill | undefined {
    this.expireDue();
    return [...this.bills.values()].find((bill) => bill.transferBillNo === transferBillNo);
  }

  billByPackage(packageInfo: string): FakeTransferBill | undefined {
    this.expireDue();
    return [...this.bills.values()].find((bill) => bill.packageInfo === packageInfo);
  }

  /** Makes the next create answer a timeout or a 500 after creating the bill, as a lost answer would. */
  failNextCreate(fault: FakeTransferFault): void {
    this.faults.push(fault);
  }

  /** Creates the bill, or answers the existing one for the same out_bill_no (refused if anything differs). */
  async create(request: FakeTransferRequest): Promise<FakeResponse> {
    const existing = this.bill(request.outBillNo);
    if (existing) {
      const same =
        existing.openid === request.openid &&
        existing.amountFen === request.amountFen &&
        existing.sceneId === request.sceneId &&
        existing.remark === request.remark;
      if (!same) return this.pay.signed(payError(400, 'INVALID_REQUEST', '单号已存在但信息不一致，请查单后比较确认'));
      return this.pay.signed({ body: created(existing) });
    }
    const now = this.pay.now();
    const bill: FakeTransferBill = {
      ...request,
      // 40 digits like WeChat's: 1330, the date and time, a random tail.
      transferBillNo: `1330${formatCompactTime(now)}${randomBytes(12).readBigUInt64BE().toString().padStart(22, '0').slice(0, 22)}`,
      packageInfo: randomBytes(48).toString('base64'),
      state: 'WAIT_USER_CONFIRM',
      failReason: null,
      createdAt: now,
      updatedAt: now,
      notification: null,
    };
    this.bills.set(bill.outBillNo, bill);
    const fault = this.faults.shift();
    if (fault === 'system_error') return this.pay.signed(payError(500, 'SYSTEM_ERROR', '系统错误，请使用相同参数稍后重新调用'));
    if (fault === 'timeout') await new Promise((resolve) => setTimeout(resolve, this.options.timeoutDelayMs).unref());
    return this.pay.signed({ body: created(bill) });
  }

  /** The merchant cancels before the payee confirms: CANCELING now, CANCELLED (and the notification) after settleMs. */
  cancel(outBillNo: string): FakeResponse {
    const bill = this.bill(outBillNo);
    if (!bill) return this.pay.signed(payError(404, 'NOT_FOUND', '记录不存在'));
    if (UNCONFIRMED.has(bill.state)) {
      this.move(bill, 'CANCELING');
      this.pay.later(this.options.settleMs, () => this.finish(bill, 'CANCELING', 'CANCELLED', null));
    } else if (bill.state !== 'CANCELING' && bill.state !== 'CANCELLED') {
      return this.pay.signed(payError(400, 'INVALID_REQUEST', `转账单状态为 ${bill.state}，不能撤销`));
    }
    return this.pay.signed({
      body: { out_bill_no: bill.outBillNo, transfer_bill_no: bill.transferBillNo, state: bill.state, update_time: iso(bill.updatedAt) },
    });
  }

  /** The payee taps 确认收款: only the bill's openid may; TRANSFERING now, SUCCESS (and the notification) after settleMs. */
  confirm(bill: FakeTransferBill | undefined, openid: string): FakeTransferOutcome {
    if (!bill) return { ok: false, status: 404, message: '转账单不存在，package 参数有问题' };
    if (bill.openid !== openid) return { ok: false, status: 403, message: '你的微信号与商家指定的微信号不一致' };
    const refusal = this.unconfirmableReason(bill);
    if (refusal) return { ok: false, status: 409, message: refusal };
    if (bill.state === 'WAIT_USER_CONFIRM') {
      this.move(bill, 'TRANSFERING');
      this.pay.later(this.options.settleMs, () => this.finish(bill, 'TRANSFERING', 'SUCCESS', null));
    }
    // Confirming again while TRANSFERING changes nothing, as WeChat lets the payee reopen the page.
    return { ok: true, bill };
  }

  /** Why the payee cannot confirm this bill now; null when they can. */
  unconfirmableReason(bill: FakeTransferBill): string | null {
    switch (bill.state) {
      case 'WAIT_USER_CONFIRM':
      case 'TRANSFERING':
        return null;
      case 'SUCCESS':
        return '你已收款';
      case 'FAIL':
        return bill.failReason === 'OVERDUE_CLOSE' ? '已超过 24 小时未确认收款，转账已关闭' : '转账已失败';
      case 'CANCELING':
      case 'CANCELLED':
        return '商家已撤销这笔转账';
      default:
        return '转账处理中，请稍后再试';
    }
  }

  /** The 24-hour window runs out now for this bill (tester endpoint), whatever the clock says. */
  expire(outBillNo: string): FakeTransferOutcome {
    const bill = this.bills.get(outBillNo);
    if (!bill) return { ok: false, status: 404, message: '转账单不存在' };
    if (!UNCONFIRMED.has(bill.state)) return { ok: false, status: 409, message: `转账单状态为 ${bill.state}，不会过期` };
    this.finish(bill, bill.state, 'FAIL', 'OVERDUE_CLOSE');
    return { ok: true, bill };
  }

  /** Ends every unconfirmed bill whose 24 hours have passed on the fake's clock. */
  expireDue(): void {
    const cutoff = this.pay.now() - TRANSFER_CONFIRM_WINDOW_MS;
    for (const bill of this.bills.values()) {
      if (UNCONFIRMED.has(bill.state) && bill.createdAt <= cutoff) this.finish(bill, bill.state, 'FAIL', 'OVERDUE_CLOSE');
    }
  }

  /** Sends the bill's MCHTRANSFER.BILL.FINISHED again (same id, fresh signature). */
  redeliver(outBillNo: string): boolean {
    const bill = this.bills.get(outBillNo);
    if (!bill?.notification || !bill.notifyUrl) return false;
    this.pay.notifications.send(bill.notifyUrl, bill.notification as { id: string; event_type: string });
    return true;
  }

  /** As the query APIs answer it. */
  answer(bill: FakeTransferBill): WechatTransferBill {
    return {
      mch_id: this.pay.merchant.mchid,
      out_bill_no: bill.outBillNo,
      transfer_bill_no: bill.transferBillNo,
      appid: this.pay.appid,
      state: bill.state,
      transfer_amount: bill.amountFen,
      transfer_remark: bill.remark,
      ...(bill.failReason === null ? {} : { fail_reason: bill.failReason }),
      openid: bill.openid,
      ...(bill.userNameCipher === null ? {} : { user_name: bill.userNameCipher }),
      create_time: iso(bill.createdAt),
      update_time: iso(bill.updatedAt),
    };
  }

  stop(): void {
    clearInterval(this.expirySweep);
  }

  private move(bill: FakeTransferBill, state: TransferState): void {
    bill.state = state;
    bill.updatedAt = this.pay.now();
  }

  /** The final state, if the bill is still in `from` (a cancel and an expiry never both end it), then the notification. */
  private finish(bill: FakeTransferBill, from: TransferState, to: 'SUCCESS' | 'FAIL' | 'CANCELLED', failReason: string | null): void {
    if (bill.state !== from) return;
    this.move(bill, to);
    bill.failReason = failReason;
    const notice: WechatTransferNotice = {
      mchid: this.pay.merchant.mchid,
      out_bill_no: bill.outBillNo,
      transfer_bill_no: bill.transferBillNo,
      state: to,
      transfer_amount: bill.amountFen,
      ...(failReason === null ? {} : { fail_reason: failReason }),
      openid: bill.openid,
      create_time: iso(bill.createdAt),
      update_time: iso(bill.updatedAt),
    };
    // WeChat sends this one with an empty associated_data.
    bill.notification = this.pay.notification('MCHTRANSFER.BILL.FINISHED', '商家转账单据终态通知', 'mch_payment', notice, '');
    if (bill.notifyUrl) this.pay.notifications.send(bill.notifyUrl, bill.notification as { id: string; event_type: string });
  }
}

/** The create answer: the package while the payee can still confirm with it. */
function created(bill: FakeTransferBill): WechatTransferCreated {
  const confirmable = bill.state === 'WAIT_USER_CONFIRM' || bill.state === 'TRANSFERING';
  return {
    out_bill_no: bill.outBillNo,
    transfer_bill_no: bill.transferBillNo,
    create_time: iso(bill.createdAt),
    state: bill.state,
    ...(confirmable ? { package_info: bill.packageInfo } : {}),
    ...(bill.failReason === null ? {} : { fail_reason: bill.failReason }),
  };
}

function iso(ms: number): string {
  return chinaRfc3339(new Date(ms));
}
