/** What a page shows for one fetched resource: a spinner (optionally with its own text), an error with retry, or the data. */
export type Loadable<T> =
  | { status: 'loading'; text?: string }
  // `code`: the server's error code, for pages that answer some errors in their own way.
  | { status: 'error'; message: string; code?: string }
  | { status: 'ready'; data: T };

/**
 * The state after a failed load. With `keepData`, a failed refresh leaves what is already shown (the request
 * wrapper toasted why) and only a first load ends in the error block.
 */
export function failedLoad<T>(previous: Loadable<T>, message: string, keepData: boolean, code?: string): Loadable<T> {
  return keepData && previous.status === 'ready' ? previous : { status: 'error', message, code };
}
