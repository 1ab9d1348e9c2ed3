import { Space, Typography } from 'antd';
import { formatTime } from '@/common/time';

/** When something started and, below it in grey, when it was decided or settled (`pendingText` until then). */
export function TimesCell({ started, finished, pendingText }: { started: string; finished: string | null; pendingText: string }) {
  return (
    <Space direction="vertical" size={0}>
      {formatTime(started)}
      <Typography.Text type="secondary">{finished ? formatTime(finished) : pendingText}</Typography.Text>
    </Space>
  );
}
