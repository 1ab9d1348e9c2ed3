import type { FakePayOrder } from './fake-wechat-pay';
import { sheetErrorPage, sheetPage } from './sheet-page';

const TITLE = '微信支付（模拟）';

/**
 * The fake cashier the H5 storefront opens in place of the WeChat payment sheet: 确认支付 pays (which
 * sends the notification), 取消 leaves the order unpaid; both go back to `redirect` with fake_pay_result.
 */
export function cashierPage(prepayId: string, order: FakePayOrder, redirect: string | null): string {
  return sheetPage({
    title: TITLE,
    tag: '模拟微信支付收银台 · 测试环境不会扣款',
    testIdPrefix: 'cashier',
    description: order.description,
    amountFen: order.amountFen,
    confirm: { label: '确认支付', endpoint: '/fake/pay/confirm', busyText: '正在支付…', doneText: '支付成功' },
    cancel: { label: '取消', endpoint: '/fake/pay/cancel', busyText: '', doneText: '已取消支付' },
    requestBody: { prepayId },
    redirect,
    resultParam: 'fake_pay_result',
  });
}

export function cashierErrorPage(message: string): string {
  return sheetErrorPage(TITLE, '模拟微信支付收银台', 'cashier', message);
}
