/**
 * Works through due rows batch by batch until a batch comes back short (the last one) or changed nothing
 * (another instance or a shopper got to its rows first, so looping again would spin on the same rows).
 * `nextBatch` reads up to `batchSize` due rows; `handle` answers whether it changed its row. Answers how
 * many rows this call changed.
 *
 * A row whose handling throws (a guard vetoes it, its change fails every time) does not stop the rows after
 * it: it stays due and is read first on every run, so stopping there would stall everything behind it for
 * good. The other rows are handled, then the first failure is thrown, so the job shows it as its last error.
 */
export async function drainInBatches<T>(
  batchSize: number,
  nextBatch: () => Promise<T[]>,
  handle: (row: T) => Promise<boolean>,
): Promise<number> {
  let changed = 0;
  const failures: unknown[] = [];
  for (;;) {
    const batch = await nextBatch();
    let progressed = 0;
    for (const row of batch) {
      try {
        if (await handle(row)) progressed++;
      } catch (error) {
        failures.push(error);
      }
    }
    changed += progressed;
    if (batch.length < batchSize || progressed === 0) break;
  }
  if (failures.length > 0) throw failures[0];
  return changed;
}
