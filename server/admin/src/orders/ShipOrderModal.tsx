import { ModalForm, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { EXPRESS_COMPANIES } from '@shared/api/orders';
import { runStaffAction } from '@/common/feedback';
import { shipOrder } from './orders-api';

interface ShipValues {
  carrierCode: string;
  trackingNo: string;
}

/** Tracking numbers the server accepts (shared/api/admin-orders.ts, ShipOrderRequest). */
const TRACKING_NO_PATTERN = /^[A-Za-z0-9]{5,32}$/;

/** Ships one paid order with a carrier and tracking number; the server reports it to WeChat's shipping-info API. */
export function ShipOrderModal({
  orderNo,
  onClose,
  onChanged,
}: {
  orderNo: string;
  onClose: () => void;
  /** The order changed: shipped here, or moved on elsewhere (409). */
  onChanged: () => void;
}) {
  return (
    <ModalForm<ShipValues>
      title={`发货：订单 ${orderNo}`}
      open
      width={480}
      modalProps={{ onCancel: onClose, destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '确认发货' } }}
      onFinish={async ({ carrierCode, trackingNo }) => {
        // Done here or changed elsewhere (409): either way the order is re-read and the dialog closes.
        const refresh = () => {
          onChanged();
          onClose();
        };
        const done = await runStaffAction(() => shipOrder(orderNo, { carrierCode, trackingNo: trackingNo.trim() }), '已发货', refresh);
        if (done) refresh();
        return done;
      }}
    >
      <ProFormSelect
        name="carrierCode"
        label="快递公司"
        placeholder="请选择快递公司"
        showSearch
        fieldProps={{ 'aria-label': '快递公司' }}
        options={EXPRESS_COMPANIES.map((company) => ({ value: company.code, label: company.name }))}
        rules={[{ required: true, message: '请选择快递公司' }]}
      />
      <ProFormText
        name="trackingNo"
        label="快递单号"
        placeholder="例如 SF1234567890"
        fieldProps={{ maxLength: 32, 'aria-label': '快递单号' }}
        rules={[
          { required: true, whitespace: true, message: '请输入快递单号' },
          { pattern: TRACKING_NO_PATTERN, message: '快递单号为 5-32 位字母或数字' },
        ]}
      />
    </ModalForm>
  );
}
