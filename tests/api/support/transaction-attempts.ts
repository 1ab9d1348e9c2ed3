import { TransactionRunner } from '../../../server/src/platform/database/transaction-runner';
import type { TestApp } from './test-app';

/**
 * Runs `work` and counts the transaction attempts the app made meanwhile: TransactionRunner runs a deadlock
 * victim's work again, so attempts beyond the transactions started are deadlock (or lock-wait) retries.
 */
export async function countTransactionAttempts<T>(t: TestApp, work: () => Promise<T>): Promise<{ result: T; attempts: number }> {
  const runner = t.app.get(TransactionRunner);
  const run = runner.run.bind(runner);
  let attempts = 0;
  const counting = jest.spyOn(runner, 'run').mockImplementation((body, ...rest) => run((manager) => (attempts++, body(manager)), ...rest));
  try {
    return { result: await work(), attempts };
  } finally {
    counting.mockRestore();
  }
}
