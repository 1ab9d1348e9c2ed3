import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OrderStatus } from '@shared/api/orders';
import { ORDER_ACTION_LABELS, orderActions, type OrderAction } from '../order-actions';
import './order-action-bar.scss';

/** The buttons of an order for its state (取消订单 / 去支付 / 申请售后 / 确认收货; on the detail also 再来一单 / 提醒发货). */
export function OrderActionBar(props: {
  status: OrderStatus;
  place?: 'list' | 'detail';
  /** The order waits for its 拼团 (fulfilmentHold): no 申请售后 / 提醒发货. */
  onHold?: boolean;
  busy: OrderAction | null;
  onAction(action: OrderAction): void;
  className?: string;
}) {
  const actions = orderActions(props.status, props.place, props.onHold);
  if (actions.length === 0) return null;
  return (
    <View className={`order-action-bar ${props.className ?? ''}`}>
      {actions.map((action) => (
        <Button
          key={action}
          className={`order-action order-action--${action}`}
          size="small"
          type={action === 'pay' || action === 'confirmReceipt' ? 'primary' : 'default'}
          loading={props.busy === action}
          onClick={(event) => {
            event.stopPropagation(); // the list card behind opens the order on tap
            props.onAction(action);
          }}
        >
          {ORDER_ACTION_LABELS[action]}
        </Button>
      ))}
    </View>
  );
}
