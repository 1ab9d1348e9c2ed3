import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-router';
import type { FakeWechatState } from '../fake-wechat-state';
import type { FakeWechatPay } from '../pay/fake-wechat-pay';
import { payError } from '../pay/pay-answers';

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A v3 API endpoint: the merchant signature is checked first, every answer is signed. */
export function v3Route(
  method: 'GET' | 'POST',
  path: string,
  handle: (request: FakeRequest, pay: FakeWechatPay, state: FakeWechatState) => FakeResponse | Promise<FakeResponse>,
): FakeRoute {
  return {
    method,
    path,
    handle(request, state) {
      const pay = state.pay;
      return pay.authenticate(request) ?? handle(request, pay, state);
    },
  };
}

export function isNotifyUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 256) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.search === '';
  } catch {
    return false;
  }
}

export const isAmount = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

/** What is wrong with a JSAPI order body, in the words of a PARAM_ERROR; null when it is well formed. */
function jsapiParamProblem(body: Record<string, unknown>): string | null {
  const amount = body.amount as { total?: unknown; currency?: unknown } | undefined;
  const payer = body.payer as { openid?: unknown } | undefined;
  if (typeof body.description !== 'string' || body.description.length < 1 || body.description.length > 127) return 'description 必填，最长 127 个字符';
  if (typeof body.out_trade_no !== 'string' || !OUT_TRADE_NO.test(body.out_trade_no)) return 'out_trade_no 须为 6-32 位数字、字母或 _-|*';
  if (!isNotifyUrl(body.notify_url)) return 'notify_url 须为不带参数的 http(s) 地址';
  if (!isAmount(amount?.total) || (amount?.currency ?? 'CNY') !== 'CNY') return 'amount.total 须为正整数（分），currency 为 CNY';
  if (typeof payer?.openid !== 'string' || !payer.openid) return 'payer.openid 必填';
  if (body.time_expire !== undefined && (typeof body.time_expire !== 'string' || !RFC3339.test(body.time_expire))) {
    return 'time_expire 须为 RFC3339 格式，例如 2018-06-08T10:34:56+08:00';
  }
  if (body.attach !== undefined && (typeof body.attach !== 'string' || body.attach.length > 128)) return 'attach 最长 128 个字符';
  return null;
}

/** WeChat Pay API v3 for JSAPI payments: order, query, close, refund, refund query. */
export const payRoutes: FakeRoute[] = [
  v3Route('POST', '/v3/pay/transactions/jsapi', (request, pay, state) => {
    const body = request.body;
    if (!body) return pay.signed(payError(400, 'PARAM_ERROR', '请求体不是 JSON'));
    const problem = jsapiParamProblem(body);
    if (problem) return pay.signed(payError(400, 'PARAM_ERROR', problem));
    if (body.appid !== state.appid || body.mchid !== pay.merchant.mchid) {
      return pay.signed(payError(400, 'APPID_MCHID_NOT_MATCH', 'appid 和 mch_id 不匹配'));
    }
    return pay.placeOrder({
      appid: state.appid,
      mchid: pay.merchant.mchid,
      outTradeNo: body.out_trade_no as string,
      description: body.description as string,
      amountFen: (body.amount as { total: number }).total,
      payerOpenid: (body.payer as { openid: string }).openid,
      notifyUrl: body.notify_url as string,
      timeExpire: (body.time_expire as string | undefined) ?? null,
      attach: (body.attach as string | undefined) ?? null,
    });
  }),
  v3Route('GET', '/v3/pay/transactions/out-trade-no/:outTradeNo', (request, pay) => {
    if (request.query.get('mchid') !== pay.merchant.mchid) return pay.signed(payError(400, 'PARAM_ERROR', 'mchid 与签名的商户号不一致'));
    const order = pay.order(request.params.outTradeNo);
    if (!order) return pay.signed(payError(404, 'ORDER_NOT_EXIST', '订单不存在'));
    return pay.signed({ body: pay.transaction(order) });
  }),
  v3Route('POST', '/v3/pay/transactions/out-trade-no/:outTradeNo/close', (request, pay) => {
    if (request.body?.mchid !== pay.merchant.mchid) return pay.signed(payError(400, 'PARAM_ERROR', 'mchid 与签名的商户号不一致'));
    return pay.close(request.params.outTradeNo);
  }),
  v3Route('POST', '/v3/refund/domestic/refunds', (request, pay) => {
    const body = request.body;
    const amount = body?.amount as { refund?: unknown; total?: unknown; currency?: unknown } | undefined;
    if (!body || typeof body.out_trade_no !== 'string') return pay.signed(payError(400, 'PARAM_ERROR', 'out_trade_no 必填（本模拟不支持按 transaction_id 退款）'));
    if (typeof body.out_refund_no !== 'string' || body.out_refund_no.length < 1 || body.out_refund_no.length > 64) {
      return pay.signed(payError(400, 'PARAM_ERROR', 'out_refund_no 必填，最长 64 个字符'));
    }
    if (!isAmount(amount?.refund) || !isAmount(amount?.total) || amount?.currency !== 'CNY') {
      return pay.signed(payError(400, 'PARAM_ERROR', 'amount.refund、amount.total 须为正整数（分），currency 为 CNY'));
    }
    if (body.notify_url !== undefined && !isNotifyUrl(body.notify_url)) return pay.signed(payError(400, 'PARAM_ERROR', 'notify_url 须为不带参数的 http(s) 地址'));
    return pay.refund({
      outTradeNo: body.out_trade_no,
      outRefundNo: body.out_refund_no,
      refundFen: amount.refund,
      totalFen: amount.total,
      notifyUrl: (body.notify_url as string | undefined) ?? null,
    });
  }),
  v3Route('GET', '/v3/refund/domestic/refunds/:outRefundNo', (request, pay) => pay.queryRefund(request.params.outRefundNo)),
];
