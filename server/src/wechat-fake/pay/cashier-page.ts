import { formatYuan } from '../../../../shared/money';
import type { FakePayOrder } from './fake-wechat-pay';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Only http(s) targets: the page navigates there, so anything else (javascript:) is dropped. */
export function safeRedirect(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

const STYLE = `body{margin:0;font-family:-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;background:#ededed;color:#111}
main{max-width:420px;margin:0 auto;padding:48px 20px;text-align:center}
.tag{font-size:13px;color:#888}.desc{margin:24px 0 8px;font-size:16px}.amount{font-size:40px;font-weight:600;margin-bottom:40px}
button{display:block;width:100%;padding:14px;margin:12px 0;border:0;border-radius:8px;font-size:17px;cursor:pointer}
#confirm{background:#07c160;color:#fff}#cancel{background:#fff;color:#07c160}
button:disabled{opacity:.6;cursor:default}.error{color:#e64340;min-height:20px}`;

/**
 * The fake cashier the H5 storefront opens in place of the WeChat payment sheet: 确认支付 pays (which
 * sends the notification), 取消 leaves the order unpaid; both go back to `redirect` with fake_pay_result.
 */
export function cashierPage(prepayId: string, order: FakePayOrder, redirect: string | null): string {
  const data = JSON.stringify({ prepayId, redirect }).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>微信支付（模拟）</title><style>${STYLE}</style></head>
<body><main>
<div class="tag">模拟微信支付收银台 · 测试环境不会扣款</div>
<div class="desc" data-testid="cashier-description">${escapeHtml(order.description)}</div>
<div class="amount" data-testid="cashier-amount">${escapeHtml(formatYuan(order.amountFen))}</div>
<div class="error" id="error" role="alert"></div>
<button id="confirm" data-testid="cashier-confirm">确认支付</button>
<button id="cancel" data-testid="cashier-cancel">取消</button>
</main>
<script>
const data = ${data};
const buttons = document.querySelectorAll('button');
async function finish(action) {
  buttons.forEach((b) => (b.disabled = true));
  document.getElementById('error').textContent = action === 'confirm' ? '正在支付…' : '';
  try {
    const response = await fetch('/fake/pay/' + action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prepayId: data.prepayId }) });
    const body = await response.json();
    if (!response.ok) throw new Error(body.message || '支付失败');
    if (!data.redirect) { document.getElementById('error').textContent = action === 'confirm' ? '支付成功' : '已取消支付'; return; }
    const back = new URL(data.redirect);
    back.searchParams.set('fake_pay_result', action === 'confirm' ? 'success' : 'cancel');
    location.assign(back.toString());
  } catch (error) {
    document.getElementById('error').textContent = error.message || '网络错误，请重试';
    buttons.forEach((b) => (b.disabled = false));
  }
}
document.getElementById('confirm').onclick = () => finish('confirm');
document.getElementById('cancel').onclick = () => finish('cancel');
</script></body></html>`;
}

export function cashierErrorPage(message: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>微信支付（模拟）</title><style>${STYLE}</style></head><body><main><div class="tag">模拟微信支付收银台</div>
<div class="desc error" data-testid="cashier-error">${escapeHtml(message)}</div></main></body></html>`;
}
