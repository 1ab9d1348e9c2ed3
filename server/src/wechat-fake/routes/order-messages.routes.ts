import type { FakeRoute } from '../fake-router';
import { accessTokenError, wechatError } from '../fake-router';

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * Server APIs about orders: shipping-info upload (发货信息管理) and subscribe messages. The fake checks
 * what WeChat checks that the fake can know (token, merchant, paid order, payer, template, openid) and
 * records every accepted call for tests and testers.
 */
export const orderMessageRoutes: FakeRoute[] = [
  {
    method: 'POST',
    path: '/wxa/sec/order/upload_shipping_info',
    handle(request, state) {
      const denied = accessTokenError(request, state);
      if (denied) return denied;
      const body = request.body;
      const key = body?.order_key;
      const list = body?.shipping_list;
      const payer = body?.payer;
      if (!isRecord(key) || key.order_number_type !== 1 || typeof key.out_trade_no !== 'string') {
        return wechatError(47001, 'data format error: order_key');
      }
      if (body?.logistics_type !== 1 || body?.delivery_mode !== 1) return wechatError(10060005, 'logistics_type or delivery_mode invalid');
      if (!Array.isArray(list) || list.length !== 1 || !list.every((item) => isRecord(item) && typeof item.tracking_no === 'string' && item.tracking_no && typeof item.express_company === 'string' && item.express_company && typeof item.item_desc === 'string')) {
        return wechatError(47001, 'data format error: shipping_list');
      }
      if (typeof body?.upload_time !== 'string' || Number.isNaN(Date.parse(body.upload_time))) return wechatError(47001, 'data format error: upload_time');
      if (key.mchid !== state.pay.merchant.mchid) return wechatError(10060001, '支付单不存在');
      const order = state.pay.order(key.out_trade_no);
      if (!order) return wechatError(10060001, '支付单不存在');
      if (order.state !== 'SUCCESS') return wechatError(10060004, '支付单处于不可发货的状态');
      if (!isRecord(payer) || payer.openid !== order.payerOpenid) return wechatError(10060019, 'payer openid 与支付单不一致');
      state.shippingReports.push({ outTradeNo: key.out_trade_no, body });
      return { body: { errcode: 0, errmsg: 'ok' } };
    },
  },
  {
    method: 'POST',
    path: '/cgi-bin/message/subscribe/send',
    handle(request, state) {
      const denied = accessTokenError(request, state);
      if (denied) return denied;
      const body = request.body;
      if (typeof body?.touser !== 'string' || !state.knowsOpenid(body.touser)) return wechatError(40003, 'invalid openid');
      if (typeof body.template_id !== 'string' || !state.subscribeTemplateIds.has(body.template_id)) return wechatError(40037, 'invalid template_id');
      const data = body.data;
      if (!isRecord(data) || !Object.values(data).every((entry) => isRecord(entry) && typeof entry.value === 'string' && entry.value.length <= 32)) {
        return wechatError(47003, 'argument invalid! data invalid');
      }
      state.subscribeMessages.push({ touser: body.touser, templateId: body.template_id, page: String(body.page ?? ''), data: data as Record<string, { value: string }> });
      return { body: { errcode: 0, errmsg: 'ok', msgid: state.subscribeMessages.length } };
    },
  },
];
