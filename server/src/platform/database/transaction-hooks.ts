import type { EntityManager } from 'typeorm';

/**
 * What a transaction run by TransactionRunner does around its commit: before-commit hooks write last (inside the
 * transaction), after-commit hooks run once it committed and never when it rolled back. Domain events use both:
 * their rows are written with the change, their followers run after the commit.
 */
export class TransactionHooks {
  private readonly beforeCommit: ((manager: EntityManager) => Promise<void>)[] = [];
  private readonly afterCommit: (() => void)[] = [];

  onBeforeCommit(hook: (manager: EntityManager) => Promise<void>): void {
    this.beforeCommit.push(hook);
  }

  onAfterCommit(hook: () => void): void {
    this.afterCommit.push(hook);
  }

  async committing(manager: EntityManager): Promise<void> {
    for (const hook of this.beforeCommit) await hook(manager);
  }

  /** Runs the after-commit hooks; they must not throw (they only start work that reports its own failures). */
  committed(): void {
    for (const hook of this.afterCommit) hook();
  }
}

const hooksOfManager = new WeakMap<EntityManager, TransactionHooks>();

export async function withTransactionHooks<T>(manager: EntityManager, hooks: TransactionHooks, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  hooksOfManager.set(manager, hooks);
  const result = await work(manager);
  await hooks.committing(manager);
  return result;
}

/** The hooks of the transaction this manager belongs to; only transactions of TransactionRunner have them. */
export function transactionHooks(manager: EntityManager): TransactionHooks {
  const hooks = findTransactionHooks(manager);
  if (!hooks) throw new Error('this write needs a transaction of TransactionRunner.run');
  return hooks;
}

/** The hooks of the manager's transaction, or undefined outside a transaction of TransactionRunner. */
export function findTransactionHooks(manager: EntityManager): TransactionHooks | undefined {
  return hooksOfManager.get(manager);
}
