import { UploadOutlined } from '@ant-design/icons';
import type { AdminMemberRow } from '@shared/api/admin';
import type { AdminCouponTemplate, IssueCouponsResponse } from '@shared/api/coupons';
import { Alert, Button, Form, Input, Modal, Result, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { notifyError } from '@/common/feedback';
import { fetchMembers } from '@/members/members-api';
import { issueCoupons } from './coupons-api';
import { RemoteSearchSelect, type SearchOption } from './RemoteSearchSelect';
import { countIssueLines, issueInputProblem, issueSummary, MAX_ISSUE_LINES, skippedRows } from './issue-input';

function memberLabel(member: AdminMemberRow): string {
  return `${member.nickname ?? '未设置昵称'} · ${member.phone ?? '未绑定手机号'} · ID ${member.id}`;
}

/** 发放: one coupon of the template to each chosen member, picked by search or pasted / uploaded as a list. */
export function IssueCouponsModal({ template, onClose, onIssued }: { template: AdminCouponTemplate; onClose: () => void; onIssued: () => void }) {
  const [memberIds, setMemberIds] = useState<number[]>([]);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<IssueCouponsResponse | null>(null);

  const send = async () => {
    const inputProblem = issueInputProblem(memberIds, text);
    setProblem(inputProblem);
    if (inputProblem) return;
    setSending(true);
    try {
      setResult(await issueCoupons(template.id, { ...(memberIds.length ? { memberIds } : {}), ...(text.trim() ? { text } : {}) }));
      onIssued();
    } catch (error) {
      notifyError(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      title={`发放：${template.name}`}
      open
      width={640}
      onCancel={onClose}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            完成
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={sending} onClick={send}>
              确认发放
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <IssueResult result={result} />
      ) : (
        <Form layout="vertical">
          <Typography.Paragraph type="secondary">
            每位会员发放 1 张，仍受发行总量（剩余 {Math.max(0, template.totalQuantity - template.claimedCount)} 张）和每人限领 {template.perMemberLimit} 张的限制。
          </Typography.Paragraph>
          <Form.Item label="选择会员">
            <RemoteSearchSelect
              aria-label="选择会员"
              placeholder="输入昵称、手机号或会员 ID 搜索"
              emptyText="输入关键词搜索会员"
              search={searchMembers}
              value={memberIds}
              onChange={setMemberIds}
            />
          </Form.Item>
          <Form.Item
            label="粘贴或上传名单"
            extra={`每行一个会员 ID 或 11 位手机号，CSV 取第一列，最多 ${MAX_ISSUE_LINES} 行；当前 ${countIssueLines(text)} 行`}
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                aria-label="会员名单"
                rows={6}
                value={text}
                onChange={(event) => setText(event.target.value)}
                placeholder={'13800000001\n13800000002\n1024'}
              />
              <Upload
                accept=".csv,.txt,text/csv,text/plain"
                showUploadList={false}
                beforeUpload={(file) => {
                  // Read in the browser and append to the list, so staff see what will be sent before sending it.
                  file
                    .text()
                    .then((content) => setText((current) => (current.trim() ? `${current.trimEnd()}\n${content}` : content)))
                    .catch(() => notifyError('文件读取失败，请确认是 UTF-8 编码的 CSV 或文本文件'));
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>上传 CSV / 文本文件</Button>
              </Upload>
            </Space>
          </Form.Item>
          {problem && <Alert type="error" showIcon message={problem} />}
        </Form>
      )}
    </Modal>
  );
}

async function searchMembers(keyword: string): Promise<SearchOption[]> {
  if (!keyword) return [];
  const page = await fetchMembers({ keyword, page: 1, pageSize: 20 });
  return page.items.map((member) => ({ value: member.id, label: memberLabel(member) }));
}

function IssueResult({ result }: { result: IssueCouponsResponse }) {
  const skipped = skippedRows(result.lines);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="issue-result">
      <Result status={result.issued > 0 ? 'success' : 'warning'} title={issueSummary(result)} style={{ padding: 16 }} />
      {skipped.length > 0 && (
        <Table
          rowKey="key"
          size="small"
          pagination={skipped.length > 10 ? { pageSize: 10 } : false}
          dataSource={skipped}
          columns={[
            { title: '位置', dataIndex: 'where', width: 150 },
            { title: '内容', dataIndex: 'input', render: (input: string) => input || '—' },
            { title: '未发放原因', dataIndex: 'reason' },
          ]}
        />
      )}
    </Space>
  );
}
