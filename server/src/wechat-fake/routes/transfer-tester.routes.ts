import type { FakeTransferConfirmRequest, FakeTransferFaultRequest } from '../../../../shared/api/wechat-fake';
import type { FakeResponse, FakeRoute } from '../fake-router';
import type { FakeWechatState } from '../fake-wechat-state';
import type { FakeTransferBill, FakeTransferOutcome } from '../pay/fake-transfers';
import { safeRedirect } from '../pay/sheet-page';
import { transferConfirmErrorPage, transferConfirmPage } from '../pay/transfer-confirm-page';

const HTML = { 'content-type': 'text/html; charset=utf-8' };

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The bill a tester request names, by its package (what the storefront holds) or its out_bill_no. */
function namedBill(body: Record<string, unknown> | null, state: FakeWechatState): FakeTransferBill | undefined | null {
  const packageInfo = text(body?.packageInfo);
  if (packageInfo) return state.pay.transfers.billByPackage(packageInfo);
  const outBillNo = text(body?.outBillNo);
  return outBillNo ? state.pay.transfers.bill(outBillNo) : null;
}

function outcome(result: FakeTransferOutcome, body: (bill: FakeTransferBill) => Record<string, unknown>): FakeResponse {
  return result.ok ? { body: body(result.bill) } : { status: result.status, body: { message: result.message } };
}

/**
 * Tester endpoints standing in for the payee's phone and for time: the confirmation page (wx.requestMerchantTransfer
 * in H5), "the user confirms", "24 hours have passed", redelivering a notification, and a lost create answer.
 */
export const transferTesterRoutes: FakeRoute[] = [
  {
    method: 'GET',
    path: '/fake/transfer/confirm-page',
    handle(request, state) {
      const bill = state.pay.transfers.billByPackage(request.query.get('package') ?? '');
      const identity = request.query.get('identity') ?? '';
      if (!bill) return { status: 404, headers: HTML, text: transferConfirmErrorPage('无法收款：package 参数有问题') };
      if (!identity) return { status: 400, headers: HTML, text: transferConfirmErrorPage('无法收款：缺少微信身份 identity') };
      const refusal = state.pay.transfers.unconfirmableReason(bill);
      if (refusal) return { status: 409, headers: HTML, text: transferConfirmErrorPage(refusal) };
      return { headers: HTML, text: transferConfirmPage(bill, identity, safeRedirect(request.query.get('redirect'))) };
    },
  },
  {
    method: 'POST',
    path: '/fake/transfer/confirm',
    handle(request, state) {
      const body = request.body as (FakeTransferConfirmRequest & Record<string, unknown>) | null;
      const bill = namedBill(body, state);
      if (bill === null) return { status: 400, body: { message: 'packageInfo 或 outBillNo 必填' } };
      const identity = text(body?.identity);
      const openid = text(body?.openid) ?? (identity ? state.openidFor(identity) : null);
      if (!openid) return { status: 400, body: { message: 'identity 或 openid 必填（确认收款的微信用户）' } };
      return outcome(state.pay.transfers.confirm(bill, openid), (confirmed) => ({
        outBillNo: confirmed.outBillNo,
        transferBillNo: confirmed.transferBillNo,
        state: confirmed.state,
        errMsg: 'requestMerchantTransfer:ok',
      }));
    },
  },
  {
    method: 'POST',
    path: '/fake/transfer/expire',
    handle(request, state) {
      const outBillNo = text(request.body?.outBillNo);
      if (!outBillNo) return { status: 400, body: { message: 'outBillNo 必填' } };
      return outcome(state.pay.transfers.expire(outBillNo), (bill) => ({ outBillNo: bill.outBillNo, state: bill.state, failReason: bill.failReason }));
    },
  },
  {
    method: 'POST',
    path: '/fake/transfer/redeliver',
    handle(request, state) {
      const outBillNo = text(request.body?.outBillNo);
      if (!outBillNo) return { status: 400, body: { message: 'outBillNo 必填' } };
      return state.pay.transfers.redeliver(outBillNo) ? { body: { redelivered: true } } : { status: 404, body: { message: '该转账单还没有发出过终态通知' } };
    },
  },
  {
    method: 'POST',
    path: '/fake/transfer/fault',
    handle(request, state) {
      const fault = (request.body as Partial<FakeTransferFaultRequest> | null)?.fault;
      if (fault !== 'timeout' && fault !== 'system_error') return { status: 400, body: { message: 'fault 须为 timeout 或 system_error' } };
      state.pay.transfers.failNextCreate(fault);
      return { body: { armed: fault } };
    },
  },
];
