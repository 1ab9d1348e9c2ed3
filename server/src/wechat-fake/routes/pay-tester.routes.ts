import type { FakeRoute } from '../fake-router';
import { cashierErrorPage, cashierPage } from '../pay/cashier-page';
import { safeRedirect } from '../pay/sheet-page';

const HTML = { 'content-type': 'text/html; charset=utf-8' };

function prepayIdOf(body: Record<string, unknown> | null): string | null {
  return typeof body?.prepayId === 'string' && body.prepayId ? body.prepayId : null;
}

/**
 * Tester endpoints standing in for the payer's phone: the cashier page, confirm / cancel a payment, and
 * redelivering a notification (to test duplicate deliveries).
 */
export const payTesterRoutes: FakeRoute[] = [
  {
    method: 'GET',
    path: '/fake/cashier',
    handle(request, state) {
      const prepayId = request.query.get('prepay_id') ?? '';
      const found = state.pay.orderForPrepay(prepayId);
      if (!found.ok) return { status: 404, headers: HTML, text: cashierErrorPage(`无法支付：${found.message}`) };
      return { headers: HTML, text: cashierPage(prepayId, found.order, safeRedirect(request.query.get('redirect'))) };
    },
  },
  {
    method: 'POST',
    path: '/fake/pay/confirm',
    handle(request, state) {
      const prepayId = prepayIdOf(request.body);
      if (!prepayId) return { status: 400, body: { message: 'prepayId 必填' } };
      const result = state.pay.pay(prepayId);
      if (!result.ok) return { status: 409, body: { message: result.message } };
      return { body: { outTradeNo: result.order.outTradeNo, transactionId: result.order.transactionId, errMsg: 'requestPayment:ok' } };
    },
  },
  {
    method: 'POST',
    path: '/fake/pay/cancel',
    handle(request, state) {
      const prepayId = prepayIdOf(request.body);
      if (!prepayId) return { status: 400, body: { message: 'prepayId 必填' } };
      const found = state.pay.orderForPrepay(prepayId);
      if (!found.ok) return { status: 409, body: { message: found.message } };
      // The payer closed the sheet: the order stays NOTPAY, as wx.requestPayment's "fail cancel".
      return { body: { outTradeNo: found.order.outTradeNo, errMsg: 'requestPayment:fail cancel' } };
    },
  },
  {
    method: 'POST',
    path: '/fake/pay/redeliver',
    handle(request, state) {
      const { outTradeNo, outRefundNo } = request.body ?? {};
      if (typeof outRefundNo === 'string') {
        return state.pay.redeliverRefund(outRefundNo) ? { body: { redelivered: true } } : { status: 404, body: { message: '该退款还没有发出过通知' } };
      }
      if (typeof outTradeNo !== 'string') return { status: 400, body: { message: 'outTradeNo 或 outRefundNo 必填' } };
      return state.pay.redeliverPayment(outTradeNo) ? { body: { redelivered: true } } : { status: 404, body: { message: '该订单还没有支付成功的通知' } };
    },
  },
];
