import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import type { RefundItem, RefundPreview } from '@shared/api/after-sales';
import { refundableQuantity, type OrderLine } from '@shared/api/orders';
import { formatYuan } from '@shared/money';
import { Alert, InputNumber, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { runStaffAction } from '@/common/feedback';
import { previewStaffRefund, startStaffRefund } from './orders-api';

/**
 * 商家退款: staff choose the units to refund (all that is left by default), see the amount the server works out
 * (each line's share of what was paid; the shipping only with the last goods) and confirm with a reason.
 * `wholeOnly`: an order waiting for its 拼团 team is refunded whole or not at all (the server refuses a part).
 */
export function StaffRefundModal({
  orderNo,
  lines,
  wholeOnly = false,
  onClose,
  onChanged,
}: {
  orderNo: string;
  lines: OrderLine[];
  wholeOnly?: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const refundable = lines.filter((line) => refundableQuantity(line) > 0);
  const [quantities, setQuantities] = useState<Record<number, number>>(() =>
    Object.fromEntries(refundable.map((line) => [line.skuId, refundableQuantity(line)])),
  );
  const [preview, setPreview] = useState<{ loading: boolean; data: RefundPreview | null; error: string | null }>({ loading: true, data: null, error: null });
  const items: RefundItem[] = refundable.filter((line) => (quantities[line.skuId] ?? 0) > 0).map((line) => ({ skuId: line.skuId, quantity: quantities[line.skuId] }));
  const itemsKey = JSON.stringify(items);

  useEffect(() => {
    if (items.length === 0) {
      setPreview({ loading: false, data: null, error: '请至少选择 1 件商品' });
      return;
    }
    let current = true;
    setPreview((previous) => ({ ...previous, loading: true }));
    previewStaffRefund(orderNo, { items })
      .then((data) => current && setPreview({ loading: false, data, error: null }))
      .catch((error: Error) => current && setPreview({ loading: false, data: null, error: error.message }));
    return () => {
      current = false;
    };
    // itemsKey stands for items (a new array each render).
  }, [orderNo, itemsKey]);

  return (
    <ModalForm<{ reason: string }>
      title={`商家退款 ${orderNo}`}
      open
      width={640}
      modalProps={{ onCancel: onClose, destroyOnHidden: true, okButtonProps: { danger: true, disabled: !preview.data || preview.loading } }}
      submitter={{ searchConfig: { submitText: preview.data ? `确认退款 ${formatYuan(preview.data.refundFen)}` : '确认退款', resetText: '不退款' } }}
      onFinish={async ({ reason }) => {
        const refresh = () => {
          onChanged();
          onClose();
        };
        const done = await runStaffAction(() => startStaffRefund(orderNo, { reason: reason.trim(), items }), '已发起退款，款项原路退回', refresh);
        if (done) refresh();
        return done;
      }}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="退款将原路退回买家的微信支付，发起后不能撤回。未发货的商品会退回库存。" />
      {wholeOnly && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="这笔订单在拼团中，只能整单退款：退款后买家退出拼团、让出名额。" />
      )}
      <Table<OrderLine>
        rowKey="skuId"
        size="small"
        pagination={false}
        dataSource={refundable}
        columns={[
          { title: '商品', render: (_, line) => `${line.title}${line.specValues.length ? `（${line.specValues.join(' / ')}）` : ''}` },
          { title: '可退件数', align: 'right', render: (_, line) => refundableQuantity(line) },
          {
            title: '退款件数',
            render: (_, line) => (
              <InputNumber
                min={0}
                max={refundableQuantity(line)}
                precision={0}
                disabled={wholeOnly}
                value={quantities[line.skuId] ?? 0}
                aria-label={`退款件数 ${line.title}`}
                onChange={(value) => setQuantities((previous) => ({ ...previous, [line.skuId]: value ?? 0 }))}
              />
            ),
          },
          {
            title: '退款金额',
            align: 'right',
            render: (_, line) => {
              const part = preview.data?.items.find((item) => item.skuId === line.skuId);
              return part ? formatYuan(part.amountFen) : '—';
            },
          },
        ]}
      />
      <div style={{ margin: '12px 0' }} data-testid="staff-refund-amount">
        {preview.loading ? (
          <Spin size="small" />
        ) : preview.error ? (
          <Typography.Text type="danger">{preview.error}</Typography.Text>
        ) : (
          preview.data && (
            <Typography.Text>
              退款金额 <Typography.Text strong>{formatYuan(preview.data.refundFen)}</Typography.Text>
              {preview.data.shippingFen > 0 && `（含运费 ${formatYuan(preview.data.shippingFen)}）`}
              {preview.data.pointsReturned > 0 && `，退回买家抵扣的 ${preview.data.pointsReturned} 积分`}
              {preview.data.closesOrder ? '；退款后订单为已退款' : '；其余商品照常发货、完成'}
            </Typography.Text>
          )
        )}
      </div>
      <ProFormTextArea
        name="reason"
        label="退款原因"
        placeholder="例如：缺货，与买家协商退款"
        fieldProps={{ maxLength: 60, showCount: true, 'aria-label': '退款原因' }}
        rules={[{ required: true, whitespace: true, message: '请填写退款原因' }]}
      />
    </ModalForm>
  );
}
