import { AFTER_SALE_STATUS_LABELS, type AfterSaleStatus } from '@shared/api/after-sales';
import { isPartiallyRefunded, orderStatusText, PARTIAL_REFUND_LABEL, type OrderHold, type OrderStatus } from '@shared/api/orders';
import { Tag } from 'antd';

const ORDER_STATUS_COLORS: Record<OrderStatus, string> = {
  pending_payment: 'orange',
  paid: 'blue',
  shipped: 'cyan',
  completed: 'green',
  cancelled: 'default',
  after_sale: 'gold',
  refunding: 'purple',
  refunded: 'magenta',
};

const AFTER_SALE_STATUS_COLORS: Record<AfterSaleStatus, string> = {
  applied: 'orange',
  approved: 'blue',
  return_received: 'cyan',
  rejected: 'default',
  refunding: 'purple',
  refunded: 'green',
};

/**
 * The order's status (拼团中 for a paid order on hold); with `refundedFen`, a 部分退款 tag beside it while part of the
 * order was refunded.
 */
export function OrderStatusTag({ status, refundedFen = 0, fulfilmentHold = null }: { status: OrderStatus; refundedFen?: number; fulfilmentHold?: OrderHold | null }) {
  const onHold = status === 'paid' && fulfilmentHold !== null;
  return (
    <>
      {/* The status alone: the partial refund has its own tag. */}
      <Tag color={onHold ? 'orange' : ORDER_STATUS_COLORS[status]}>{orderStatusText({ status, refundedFen: 0, fulfilmentHold })}</Tag>
      {isPartiallyRefunded({ status, refundedFen }) && <Tag color="magenta">{PARTIAL_REFUND_LABEL}</Tag>}
    </>
  );
}

export function AfterSaleStatusTag({ status }: { status: AfterSaleStatus }) {
  return <Tag color={AFTER_SALE_STATUS_COLORS[status]}>{AFTER_SALE_STATUS_LABELS[status]}</Tag>;
}
