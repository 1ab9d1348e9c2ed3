import type { Loadable } from '@/hooks/loadable';
import { PageState } from './PageState';

type Pending = Exclude<Loadable<unknown>, { status: 'ready' }>;

/** What a page shows until its data is ready: the spinner, or the error block whose 重试 calls `onRetry`. */
export function PendingState({ state, onRetry }: { state: Pending; onRetry(): void }) {
  if (state.status === 'loading') return <PageState status="loading" text={state.text} />;
  return <PageState status="error" text={state.message} onRetry={onRetry} />;
}
