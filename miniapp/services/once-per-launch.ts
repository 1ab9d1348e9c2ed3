/** A read asked once per launch: later calls share its answer; a failure is asked again on the next call. */
export function oncePerLaunch<T>(read: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | null = null;
  return () => {
    cached ??= read().catch((error) => {
      cached = null;
      throw error;
    });
    return cached;
  };
}
