import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

interface DetailLoadFailedProps {
  failure: { notFound: boolean; message: string };
  /** What the page shows, e.g. 订单: the titles read 订单不存在 / 订单加载失败. */
  subject: string;
  /** The line under 不存在, naming what was asked for. */
  notFoundText: string;
  /** The list the page was opened from, with its button's text. */
  backTo: string;
  backText: string;
  onRetry: () => void;
}

/** A detail page that could not load: not found (no retry, it would not help) or an error with 重试; both lead back to the list. */
export function DetailLoadFailed({ failure, subject, notFoundText, backTo, backText, onRetry }: DetailLoadFailedProps) {
  const navigate = useNavigate();
  return (
    <Result
      status={failure.notFound ? '404' : 'error'}
      title={failure.notFound ? `${subject}不存在` : `${subject}加载失败`}
      subTitle={failure.notFound ? notFoundText : failure.message}
      extra={[
        <Button key="back" onClick={() => navigate(backTo)}>
          {backText}
        </Button>,
        !failure.notFound && (
          <Button key="retry" type="primary" onClick={onRetry}>
            重试
          </Button>
        ),
      ]}
    />
  );
}
