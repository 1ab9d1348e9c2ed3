import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import type { AdminPromoter } from '@shared/api/referral';
import { Alert } from 'antd';
import { runStaffAction } from '@/common/feedback';
import { decidePromoter } from './referral-api';

const COPY = {
  reject: {
    title: '拒绝申请',
    alert: '拒绝后会员会看到原因，并可以重新申请。',
    submit: '确认拒绝',
    placeholder: '例如：暂不招募新的推广员',
    done: '已拒绝申请',
  },
  freeze: {
    title: '冻结推广员',
    alert: '冻结后 TA 不再获得新的佣金，分享的链接也不再绑定新会员；已有的余额与待结算佣金保留。推广员会看到原因。',
    submit: '确认冻结',
    placeholder: '例如：发布违规推广内容',
    done: '已冻结',
  },
} as const;

/** Reject an application or freeze a promoter: both need a reason the member will read (1–200 characters). */
export function PromoterReasonModal({
  promoter,
  decision,
  onClose,
  onChanged,
}: {
  promoter: AdminPromoter;
  decision: 'reject' | 'freeze';
  onClose: () => void;
  onChanged: () => void;
}) {
  const copy = COPY[decision];
  const name = promoter.nickname || `会员${promoter.memberId}`;
  return (
    <ModalForm<{ reason: string }>
      title={`${copy.title}：${name}`}
      open
      width={480}
      modalProps={{ onCancel: onClose, destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: copy.submit, resetText: '取消' }, submitButtonProps: { danger: true } }}
      onFinish={async ({ reason }) => {
        // Done here or decided elsewhere meanwhile (409): either way the list is re-read and the dialog closes.
        const refresh = () => {
          onChanged();
          onClose();
        };
        const done = await runStaffAction(() => decidePromoter(promoter.memberId, decision, reason.trim()), `${copy.done}：${name}`, refresh);
        if (done) refresh();
        return done;
      }}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={copy.alert} />
      <ProFormTextArea
        name="reason"
        label="原因"
        placeholder={copy.placeholder}
        fieldProps={{ maxLength: 200, showCount: true, 'aria-label': '原因' }}
        rules={[{ required: true, whitespace: true, message: '请填写原因' }]}
      />
    </ModalForm>
  );
}
