import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { Alert } from 'antd';
import { runStaffAction } from '@/common/feedback';
import { cancelOrder } from './orders-api';

/** Cancels an unpaid order on the shopper's behalf; its stock goes back on sale. */
export function CancelOrderModal({
  orderNo,
  onClose,
  onChanged,
}: {
  orderNo: string;
  onClose: () => void;
  /** The order changed: cancelled here, or paid meanwhile (409). */
  onChanged: () => void;
}) {
  return (
    <ModalForm<{ reason: string }>
      title={`取消订单 ${orderNo}`}
      open
      width={480}
      modalProps={{ onCancel: onClose, destroyOnHidden: true, okButtonProps: { danger: true } }}
      submitter={{ searchConfig: { submitText: '确认取消订单', resetText: '不取消' } }}
      onFinish={async ({ reason }) => {
        // Done here or changed elsewhere (409): either way the order is re-read and the dialog closes.
        const refresh = () => {
          onChanged();
          onClose();
        };
        const done = await runStaffAction(() => cancelOrder(orderNo, { reason: reason.trim() }), '订单已取消', refresh);
        if (done) refresh();
        return done;
      }}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="取消后订单不可恢复，商品库存将退回。仅未付款的订单可以取消。" />
      <ProFormTextArea
        name="reason"
        label="取消原因"
        placeholder="例如：买家联系客服要求取消"
        fieldProps={{ maxLength: 100, showCount: true, 'aria-label': '取消原因' }}
        rules={[{ required: true, whitespace: true, message: '请填写取消原因' }]}
      />
    </ModalForm>
  );
}
