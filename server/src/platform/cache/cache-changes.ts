import type { DataSource, EntityManager } from 'typeorm';
import { execute } from '../database/plain-sql';
import { findTransactionHooks } from '../database/transaction-hooks';

/**
 * What a cached answer is made from (its tags), and the changes that drop it. Two kinds of change:
 *
 * - Staff edits (`answersEdited`): a product, category or banner saved (`catalog`), a coupon template (`coupons`),
 *   the shop profile (`shop`). They bump the tag's row in cache_versions in the same transaction; every instance
 *   polls those rows (answer-cache-poller.ts) and drops the tag's answers within a poll interval.
 * - Shoppers' changes on hot rows, which must not write a shared row: stock (every stock change writes stock
 *   movement rows, which the poller reads by id) and sales counts or a coupon claim (dropped on this instance at
 *   once; other instances serve those figures at most the cache's max age old).
 *
 * Either way this instance drops the answers right after the commit, so its next read sees the change.
 */
export const AnswerTags = {
  /** Everything made from products, categories and banners (staff edits). */
  catalog: 'catalog',
  /** Product lists and 热门搜索: they show stock (售罄, the headline price) and sales of many products. */
  productLists: 'product-lists',
  /** One product's detail. */
  product: (productId: number) => `product:${productId}`,
  coupons: 'coupons',
  shop: 'shop',
} as const;

/** The tags staff edits bump in cache_versions (one row each, created by the migration). */
export type EditedTag = typeof AnswerTags.catalog | typeof AnswerTags.coupons | typeof AnswerTags.shop;

type DropAnswers = (tags: readonly string[]) => void;

/** Each app's answer cache, by the DataSource its writes go through (a test process may run several apps). */
const cacheOfDataSource = new WeakMap<DataSource, DropAnswers>();

export function registerAnswerCache(dataSource: DataSource, drop: DropAnswers): void {
  cacheOfDataSource.set(dataSource, drop);
}

/** Drops the tags' answers on this instance once the manager's transaction commits (at once outside a transaction). */
export function answersChanged(manager: EntityManager, tags: readonly string[]): void {
  const drop = cacheOfDataSource.get(manager.connection);
  if (!drop || tags.length === 0) return;
  const hooks = findTransactionHooks(manager);
  if (hooks) hooks.onAfterCommit(() => drop(tags));
  else drop(tags);
}

/** The stock or sales of these products changed (other instances learn stock changes from the movement rows). */
export function productsChanged(manager: EntityManager, productIds: readonly number[]): void {
  if (productIds.length === 0) return;
  answersChanged(manager, [AnswerTags.productLists, ...new Set(productIds)].map((tag) => (typeof tag === 'number' ? AnswerTags.product(tag) : tag)));
}

/** A staff edit's write, then `answersEdited` when it changed a row (the shared version row is written last). */
export async function answersEditedBy<R extends { affected?: number | null }>(manager: EntityManager, tag: EditedTag, write: Promise<R>): Promise<R> {
  const result = await write;
  if (result.affected) await answersEdited(manager, tag);
  return result;
}

/** A staff edit: every instance drops the tag's answers (this one after the commit, the others at their next poll). */
export async function answersEdited(manager: EntityManager, tag: EditedTag): Promise<void> {
  await execute(manager, 'UPDATE cache_versions SET version = version + 1 WHERE name = ?', [tag]);
  answersChanged(manager, [tag]);
}
