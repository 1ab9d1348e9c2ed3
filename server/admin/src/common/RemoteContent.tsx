import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { PageSpinner } from './PageSpinner';
import type { RemoteData } from './useRemoteData';

interface RemoteContentProps<T> {
  state: RemoteData<T>;
  /** The spinner's text while loading, e.g. 正在加载店铺设置…; PageSpinner's default otherwise. */
  loadingTip?: string;
  /** The error's headline, e.g. 等级规则加载失败; the server's message follows it. */
  failedTitle: string;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}

/** The spinner, the error with 重试, or the content for data loaded with useRemoteData. */
export function RemoteContent<T>({ state, loadingTip, failedTitle, onRetry, children }: RemoteContentProps<T>) {
  if (state.status === 'loading') return <PageSpinner tip={loadingTip} />;
  if (state.status === 'failed') {
    return (
      <Result
        status="error"
        title={failedTitle}
        subTitle={state.message}
        extra={<Button type="primary" onClick={onRetry}>重试</Button>}
      />
    );
  }
  return <>{children(state.data)}</>;
}
