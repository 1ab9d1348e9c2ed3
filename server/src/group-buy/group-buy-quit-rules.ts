import { HttpStatus } from '@nestjs/common';
import type { OrderRow } from '../orders/order.entity';
import { ApiException } from '../platform/errors/api-exception';
import type { GroupBuySeatRow } from './group-buy-seat.entity';
import type { GroupBuyTeamRow } from './group-buy-team.entity';

/**
 * Why 取消拼团并退款 cannot go ahead, in the shopper's terms, or null: an unpaid order is simply cancelled; an
 * order already refunding (a quit a moment ago, a second tap) says its refund is under way; only then does the
 * team's state matter (succeeded, failed or expired: 这个团已结束).
 */
export function quitRefusal(order: Pick<OrderRow, 'status' | 'fulfilmentHold'>, seat: Pick<GroupBuySeatRow, 'status'>, team: Pick<GroupBuyTeamRow, 'id' | 'status'>): ApiException | null {
  if (order.status === 'pending_payment') {
    return new ApiException('ORDER_TRANSITION_BLOCKED', HttpStatus.CONFLICT, '订单还未付款，直接取消订单即可', { status: order.status });
  }
  if (order.status === 'refunding' || order.status === 'refunded' || seat.status === 'quit' || seat.status === 'lost') {
    return new ApiException('REFUND_NOT_ALLOWED', HttpStatus.CONFLICT, order.status === 'refunded' ? '订单已退款，款项已原路退回' : '退款已在处理中，款项将原路退回', { status: order.status });
  }
  if (order.status !== 'paid' || order.fulfilmentHold !== 'group_buy' || seat.status !== 'paid' || team.status !== 'forming') {
    return new ApiException('GROUP_BUY_TEAM_CLOSED', HttpStatus.CONFLICT, '这个团已结束，不能再取消拼团', { teamId: team.id, status: team.status });
  }
  return null;
}
