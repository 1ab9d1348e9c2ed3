import type { OrderHold, OrderStatus } from '@shared/api/orders';
import { Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { CancelOrderModal } from './CancelOrderModal';
import { orderActions, shipBlockedReason } from './order-actions';
import { ShipOrderModal } from './ShipOrderModal';

/**
 * 发货 / 取消 for one order, as its state and the staff member's role allow; the same buttons in the list
 * (links) and on the detail page.
 */
export function OrderActions({
  orderNo,
  status,
  fulfilmentHold = null,
  onChanged,
  asLinks = false,
}: {
  orderNo: string;
  status: OrderStatus;
  /** A paid order on hold (拼团中) shows 发货 disabled, with the reason. */
  fulfilmentHold?: OrderHold | null;
  /** Re-read the order: it was shipped or cancelled, or someone else changed it first. */
  onChanged: () => void;
  asLinks?: boolean;
}) {
  const staff = useCurrentStaff();
  const [open, setOpen] = useState<'ship' | 'cancel' | null>(null);
  const actions = orderActions(status, staff.role);
  if (actions.length === 0) return null;
  const shipBlocked = shipBlockedReason({ status, fulfilmentHold });

  const buttonType = asLinks ? 'link' : 'primary';
  return (
    <Space size={asLinks ? 0 : 'small'}>
      {actions.includes('ship') && (
        <Tooltip title={shipBlocked}>
          <Button
            type={buttonType}
            size={asLinks ? 'small' : 'middle'}
            aria-label={`发货 ${orderNo}`}
            disabled={shipBlocked !== null}
            onClick={() => setOpen('ship')}
          >
            发货
          </Button>
        </Tooltip>
      )}
      {actions.includes('cancel') && (
        <Button
          type={asLinks ? 'link' : 'default'}
          danger
          size={asLinks ? 'small' : 'middle'}
          aria-label={`取消订单 ${orderNo}`}
          onClick={() => setOpen('cancel')}
        >
          取消
        </Button>
      )}
      {open === 'ship' && <ShipOrderModal orderNo={orderNo} onClose={() => setOpen(null)} onChanged={onChanged} />}
      {open === 'cancel' && <CancelOrderModal orderNo={orderNo} onClose={() => setOpen(null)} onChanged={onChanged} />}
    </Space>
  );
}
