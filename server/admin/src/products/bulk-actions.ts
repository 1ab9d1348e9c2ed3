import type { BulkProductAction, BulkProductResult } from '@shared/api/admin';

export const BULK_ACTION_LABELS: Record<BulkProductAction, string> = {
  on_shelf: '上架',
  off_shelf: '下架',
  delete: '删除',
};

/** The question asked before a bulk action, naming a few of the products. */
export function bulkConfirmText(action: BulkProductAction, titles: string[]): string {
  const named = titles.slice(0, 3).map((title) => `「${title}」`).join('、');
  const more = titles.length > 3 ? ` 等 ${titles.length} 个商品` : ` ${titles.length} 个商品`;
  const effect =
    action === 'delete' ? '删除后商品从商城和后台消失，不能恢复；已有订单保留商品快照。' : action === 'on_shelf' ? '上架后顾客即可浏览和购买。' : '下架后顾客不能再浏览和购买。';
  return `确定${BULK_ACTION_LABELS[action]}${named}${more}？${effect}`;
}

/** What happened, in one line: how many changed, how many were already so, and why the others failed. */
export function bulkResultText(action: BulkProductAction, result: BulkProductResult, titleOf: (id: number) => string): string {
  const label = BULK_ACTION_LABELS[action];
  const parts = [`已${label} ${result.succeeded.length} 个`];
  if (result.unchanged.length) parts.push(`${result.unchanged.length} 个原本已是${label}状态`);
  if (result.failed.length) {
    parts.push(`${result.failed.length} 个失败：${result.failed.map((failure) => `${titleOf(failure.id)}（${failure.message}）`).join('、')}`);
  }
  return parts.join('；');
}
