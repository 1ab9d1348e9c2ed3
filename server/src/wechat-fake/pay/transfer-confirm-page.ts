import type { FakeTransferBill } from './fake-transfers';
import { sheetErrorPage, sheetPage } from './sheet-page';

const TITLE = '确认收款（模拟）';

/**
 * The page the H5 storefront opens in place of wx.requestMerchantTransfer: the amount and the remark, 确认收款
 * (posts /fake/transfer/confirm as the WeChat user `identity`, who must be the bill's payee) and 暂不收款 (the
 * bill keeps waiting); both go back to `redirect` with fake_transfer_result=success|cancel.
 */
export function transferConfirmPage(bill: FakeTransferBill, identity: string, redirect: string | null): string {
  return sheetPage({
    title: TITLE,
    tag: '模拟微信确认收款 · 测试环境不会真的转账',
    testIdPrefix: 'transfer',
    description: bill.remark,
    amountFen: bill.amountFen,
    confirm: { label: '确认收款', endpoint: '/fake/transfer/confirm', busyText: '正在收款…', doneText: '已确认收款，稍后到账微信零钱' },
    cancel: { label: '暂不收款', endpoint: null, busyText: '', doneText: '未收款，可在 24 小时内再次确认' },
    requestBody: { packageInfo: bill.packageInfo, identity },
    redirect,
    resultParam: 'fake_transfer_result',
  });
}

export function transferConfirmErrorPage(message: string): string {
  return sheetErrorPage(TITLE, '模拟微信确认收款', 'transfer', message);
}
