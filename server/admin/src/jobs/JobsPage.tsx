import { ReloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import type { AdminJob, AdminJobList } from '@shared/api/jobs';
import { Alert, Button, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { errorText, notifyError, notifySuccess } from '@/common/feedback';
import { RemoteContent } from '@/common/RemoteContent';
import { formatOptionalTime } from '@/common/time';
import { useRemoteData } from '@/common/useRemoteData';
import { isConflict } from '@/api/client';
import { EventDeliveriesPanel } from './EventDeliveriesPanel';
import { errorState, formatDuration, formatInterval, leaseText, runResultText } from './job-format';
import { fetchJobs, runJobNow } from './jobs-api';

/**
 * 任务: the periodic jobs every server runs (the owner's page). Last runs are shared by all servers; 下次运行
 * is the answering server's own timer. 立即执行 runs a job on the answering server; the jobs that call WeChat ask
 * first, and refuse while another server holds their lease.
 */
export default function JobsPage() {
  const load = useCallback(() => fetchJobs(), []);
  const { state, reload, refresh } = useRemoteData<AdminJobList>(load);
  const [runningName, setRunningName] = useState<string | null>(null);
  const [runFailure, setRunFailure] = useState<string | null>(null);

  const run = async (job: AdminJob) => {
    setRunningName(job.name);
    setRunFailure(null);
    try {
      const outcome = runResultText(job.label, await runJobNow(job.name));
      if (outcome.ok) notifySuccess(outcome.text);
      else setRunFailure(outcome.text);
    } catch (error) {
      // A refusal (lease held, already running) stays above the table; anything else is a passing notice.
      if (isConflict(error)) setRunFailure(errorText(error));
      else notifyError(error);
    } finally {
      setRunningName(null);
      refresh();
    }
  };

  return (
    <PageContainer
      title="任务"
      subTitle="系统定时执行的后台任务"
      extra={
        <Button icon={<ReloadOutlined />} onClick={refresh}>
          刷新
        </Button>
      }
    >
      {runFailure && <Alert type="error" showIcon closable style={{ marginBottom: 16 }} message={runFailure} onClose={() => setRunFailure(null)} />}
      <RemoteContent state={state} loadingTip="正在加载任务…" failedTitle="任务列表加载失败" onRetry={reload}>
        {(data) => (
          <>
            <Typography.Paragraph type="secondary">
              需要租约的任务会调用微信接口，同一时间只在一台服务器上运行；其余任务只改数据库，每台服务器都运行。当前页面由服务器 {data.instanceId} 应答。
            </Typography.Paragraph>
            <Table<AdminJob>
              rowKey="name"
              dataSource={data.jobs}
              pagination={false}
              scroll={{ x: 1120 }}
              columns={columns(data.instanceId, runningName, run)}
              locale={{ emptyText: '没有注册的任务' }}
            />
          </>
        )}
      </RemoteContent>
      <EventDeliveriesPanel />
    </PageContainer>
  );
}

function columns(instanceId: string, runningName: string | null, run: (job: AdminJob) => void): TableColumnsType<AdminJob> {
  return [
    {
      title: '名称',
      key: 'name',
      width: 180,
      render: (_, job) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{job.label}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {job.name}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '间隔', key: 'interval', width: 90, render: (_, job) => formatInterval(job.intervalMs) },
    {
      title: '上次运行',
      key: 'lastRun',
      width: 180,
      render: (_, job) =>
        job.lastRunAt ? (
          <Space direction="vertical" size={0}>
            <span>{formatOptionalTime(job.lastRunAt)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              用时 {formatDuration(job.lastDurationMs ?? 0)} · {job.lastRunBy}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">尚未运行</Typography.Text>
        ),
    },
    { title: '改动行数', key: 'rows', align: 'right', width: 96, render: (_, job) => (job.lastRowsChanged === null ? '—' : job.lastRowsChanged) },
    {
      title: '上次错误',
      key: 'error',
      width: 134,
      render: (_, job) => {
        const state = errorState(job);
        if (state === 'none') return <Typography.Text type="secondary">无</Typography.Text>;
        return (
          <Space direction="vertical" size={0}>
            <Typography.Text type={state === 'latest' ? 'danger' : 'secondary'} ellipsis={{ tooltip: job.lastError }} style={{ maxWidth: 124 }}>
              {job.lastError}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatOptionalTime(job.lastErrorAt)}
              {state === 'earlier' ? '（之后已正常运行）' : ''}
            </Typography.Text>
          </Space>
        );
      },
    },
    {
      title: '下次运行',
      key: 'next',
      width: 160,
      render: (_, job) => (job.running ? <Tag color="processing">运行中</Tag> : job.nextRunAt ? formatOptionalTime(job.nextRunAt) : <Typography.Text type="secondary">未排期</Typography.Text>),
    },
    {
      title: '租约',
      key: 'lease',
      width: 190,
      render: (_, job) => {
        const lease = leaseText(job, instanceId);
        return (
          <Space direction="vertical" size={2}>
            <Tag color={job.usesWechat ? 'blue' : 'green'}>{lease.tag}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {lease.detail}
            </Typography.Text>
          </Space>
        );
      },
    },
    {
      title: '操作',
      key: 'action',
      width: 90,
      render: (_, job) => {
        const button = (
          <Button size="small" type="link" loading={runningName === job.name} disabled={runningName !== null && runningName !== job.name} aria-label={`立即执行 ${job.label}`} onClick={job.usesWechat ? undefined : () => run(job)}>
            立即执行
          </Button>
        );
        if (!job.usesWechat) return button;
        return (
          <Popconfirm
            title={`立即执行「${job.label}」？`}
            description="这个任务会调用微信接口（查单或重新申请退款）。"
            okText="执行"
            cancelText="取消"
            onConfirm={() => run(job)}
          >
            {button}
          </Popconfirm>
        );
      },
    },
  ];
}
