import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import type { AfterSale } from '@shared/api/after-sales';
import { formatYuan } from '@shared/money';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiRequestError } from '@/api/client';
import { canEditShopSettings } from '@/auth/access';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { runStaffAction } from '@/common/feedback';
import { afterSaleActions } from './after-sale-actions';
import { approveAfterSale, receiveAfterSale, refundAfterSale, rejectAfterSale } from './after-sales-api';

/**
 * 同意 / 拒绝 / 确认收到退货 / 确认退款 for one case, each confirmed first. `onChanged` gets the case as the server
 * now has it; a 409 (someone else handled it meanwhile) shows the server's message and calls `onStale` to re-read.
 */
export function AfterSaleActions({
  afterSale,
  onChanged,
  onStale,
}: {
  afterSale: AfterSale;
  onChanged: (afterSale: AfterSale) => void;
  onStale: () => void;
}) {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const actions = afterSaleActions(afterSale, staff.role);
  if (actions.length === 0) return null;

  const run = async (action: () => Promise<AfterSale>, done: string) => {
    setBusy(true);
    await runStaffAction(async () => onChanged(await action()), done, onStale);
    setBusy(false);
  };
  const refund = formatYuan(afterSale.refundFen);

  /** A return cannot be approved before the shop says where goods go back: offer the way to fix it. */
  const approve = async () => {
    try {
      return await approveAfterSale(afterSale.id);
    } catch (error) {
      if (!(error instanceof ApiRequestError && error.code === 'RETURN_ADDRESS_MISSING')) throw error;
      const canFix = canEditShopSettings(staff.role);
      modal.confirm({
        title: '还没有设置退货地址',
        content: canFix ? error.message : `${error.message}（店主或运营可以修改店铺设置）`,
        okText: canFix ? '去店铺设置' : '知道了',
        cancelText: '稍后',
        okCancel: canFix,
        onOk: () => {
          if (canFix) navigate('/settings/shop');
        },
      });
      throw error;
    }
  };

  return (
    <Space>
      {actions.includes('approve') && (
        <Popconfirm
          title="同意这个售后申请？"
          description={
            afterSale.type === 'refund_only'
              ? `将立即原路退款 ${refund}，无法撤回。`
              : `买家将按店铺的退货地址寄回商品；收到退货后再确认退款 ${refund}。`
          }
          okText="确认同意"
          cancelText="再想想"
          onConfirm={() => run(approve, afterSale.type === 'refund_only' ? '已同意，退款处理中' : '已同意，等待买家退货')}
        >
          <Button type="primary" loading={busy} aria-label={`同意售后 ${afterSale.id}`}>
            同意
          </Button>
        </Popconfirm>
      )}
      {actions.includes('reject') && (
        <Button danger disabled={busy} aria-label={`拒绝售后 ${afterSale.id}`} onClick={() => setRejecting(true)}>
          拒绝
        </Button>
      )}
      {actions.includes('receive') && (
        <Popconfirm
          title="确认已收到买家寄回的商品？"
          description={
            afterSale.returnShipment
              ? `${afterSale.returnShipment.carrierName} ${afterSale.returnShipment.trackingNo}。确认后退回的商品加回库存，买家不能再修改退货物流，之后可以退款。`
              : '买家还没有填写退货单号。确认后退回的商品加回库存，买家不能再填写，之后可以退款。'
          }
          okText="确认收货"
          cancelText="再想想"
          onConfirm={() => run(() => receiveAfterSale(afterSale.id), '已确认收到退货')}
        >
          <Button type="primary" loading={busy} aria-label={`确认收到退货 ${afterSale.id}`}>
            确认收到退货
          </Button>
        </Popconfirm>
      )}
      {actions.includes('refund') && (
        <Popconfirm
          title="确认退款？"
          description={`将原路退款 ${refund}，无法撤回。`}
          okText="确认退款"
          cancelText="再想想"
          onConfirm={() => run(() => refundAfterSale(afterSale.id), '退款处理中')}
        >
          <Button type="primary" loading={busy} aria-label={`确认退款 ${afterSale.id}`}>
            确认退款
          </Button>
        </Popconfirm>
      )}
      {rejecting && (
        <ModalForm<{ reason: string }>
          title="拒绝售后申请"
          open
          width={480}
          modalProps={{ onCancel: () => setRejecting(false), destroyOnHidden: true }}
          submitter={{ searchConfig: { submitText: '确认拒绝' } }}
          onFinish={async ({ reason }) => {
            const done = await runStaffAction(
              async () => onChanged(await rejectAfterSale(afterSale.id, { reason: reason.trim() })),
              '已拒绝，订单恢复原状态',
              () => {
                setRejecting(false);
                onStale();
              },
            );
            if (done) setRejecting(false);
            return done;
          }}
        >
          <ProFormTextArea
            name="reason"
            label="拒绝原因"
            tooltip="买家会看到这段文字"
            placeholder="例如：商品已签收超过 7 天"
            fieldProps={{ maxLength: 100, showCount: true, 'aria-label': '拒绝原因' }}
            rules={[{ required: true, whitespace: true, message: '请填写拒绝原因' }]}
          />
        </ModalForm>
      )}
    </Space>
  );
}
