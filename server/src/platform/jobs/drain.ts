/**
 * Works through due rows batch by batch until a batch comes back short (the last one) or changed nothing
 * (another instance or a shopper got to its rows first, so looping again would spin on the same rows).
 * `nextBatch` reads up to `batchSize` due rows; `handle` answers whether it changed its row. Answers how
 * many rows this call changed.
 */
export async function drainInBatches<T>(
  batchSize: number,
  nextBatch: () => Promise<T[]>,
  handle: (row: T) => Promise<boolean>,
): Promise<number> {
  let changed = 0;
  for (;;) {
    const batch = await nextBatch();
    let progressed = 0;
    for (const row of batch) if (await handle(row)) progressed++;
    changed += progressed;
    if (batch.length < batchSize || progressed === 0) return changed;
  }
}
