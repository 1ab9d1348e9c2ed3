import { formatYuan } from '../../../../shared/money';

export function escapeHtml(text: string): string {
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
button:disabled{opacity:.6;cursor:default}.error{color:#e64340;min-height:20px}.error.ok{color:#07c160}`;

/** A button of the sheet: the tester endpoint it posts to (none: it only goes back), and what the page then says. */
export interface SheetAction {
  label: string;
  endpoint: string | null;
  /** Shown while the request runs. */
  busyText: string;
  /** Shown when there is nowhere to go back to. */
  doneText: string;
}

/**
 * One of the WeChat sheets the H5 storefront opens in place of the phone's (the payment cashier, the transfer
 * confirmation): an amount, a line of text, confirm and cancel. Both post `requestBody` to their endpoint and
 * go back to `redirect` with `resultParam`=success|cancel.
 */
export interface SheetPage {
  title: string;
  tag: string;
  /** data-testid prefix: `${prefix}-description`, -amount, -confirm, -cancel, -error. */
  testIdPrefix: string;
  description: string;
  amountFen: number;
  confirm: SheetAction;
  cancel: SheetAction;
  requestBody: Record<string, unknown>;
  redirect: string | null;
  resultParam: string;
}

export function sheetPage(page: SheetPage): string {
  const id = page.testIdPrefix;
  const data = JSON.stringify({
    body: page.requestBody,
    redirect: page.redirect,
    resultParam: page.resultParam,
    confirm: page.confirm,
    cancel: page.cancel,
  }).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(page.title)}</title><style>${STYLE}</style></head>
<body><main>
<div class="tag">${escapeHtml(page.tag)}</div>
<div class="desc" data-testid="${id}-description">${escapeHtml(page.description)}</div>
<div class="amount" data-testid="${id}-amount">${escapeHtml(formatYuan(page.amountFen))}</div>
<div class="error" id="error" role="alert" data-testid="${id}-error"></div>
<button id="confirm" data-testid="${id}-confirm">${escapeHtml(page.confirm.label)}</button>
<button id="cancel" data-testid="${id}-cancel">${escapeHtml(page.cancel.label)}</button>
</main>
<script>
const data = ${data};
const buttons = document.querySelectorAll('button');
const say = (text, ok = false) => { const line = document.getElementById('error'); line.textContent = text; line.classList.toggle('ok', ok); };
async function finish(name) {
  const action = data[name];
  buttons.forEach((b) => (b.disabled = true));
  say(action.busyText, true);
  try {
    if (action.endpoint) {
      const response = await fetch(action.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data.body) });
      const body = await response.json();
      if (!response.ok) throw new Error(body.message || '操作失败');
    }
    if (!data.redirect) { say(action.doneText, true); return; }
    const back = new URL(data.redirect);
    back.searchParams.set(data.resultParam, name === 'confirm' ? 'success' : 'cancel');
    location.assign(back.toString());
  } catch (error) {
    say(error.message || '网络错误，请重试');
    buttons.forEach((b) => (b.disabled = false));
  }
}
document.getElementById('confirm').onclick = () => finish('confirm');
document.getElementById('cancel').onclick = () => finish('cancel');
</script></body></html>`;
}

/** The sheet when it cannot be shown (unknown or expired id), with the reason. */
export function sheetErrorPage(title: string, tag: string, testIdPrefix: string, message: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main><div class="tag">${escapeHtml(tag)}</div>
<div class="desc error" data-testid="${testIdPrefix}-error">${escapeHtml(message)}</div></main></body></html>`;
}
