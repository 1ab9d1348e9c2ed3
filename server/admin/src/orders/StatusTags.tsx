import { AFTER_SALE_STATUS_LABELS, type AfterSaleStatus } from '@shared/api/after-sales';
import { ORDER_STATUS_LABELS, type OrderStatus } from '@shared/api/orders';
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

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  return <Tag color={ORDER_STATUS_COLORS[status]}>{ORDER_STATUS_LABELS[status]}</Tag>;
}

export function AfterSaleStatusTag({ status }: { status: AfterSaleStatus }) {
  return <Tag color={AFTER_SALE_STATUS_COLORS[status]}>{AFTER_SALE_STATUS_LABELS[status]}</Tag>;
}
