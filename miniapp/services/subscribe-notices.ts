import type { SubscribeTemplate, SubscribeTemplateKind } from '@shared/api/payments';

/** WeChat shows at most three templates per ask: an ordinary order asks for these… */
const ORDER_NOTICES: readonly SubscribeTemplateKind[] = ['order_paid', 'order_shipped', 'refund_result'];
/** …a 拼团 order for its team's outcome and the shipping. */
const GROUP_BUY_NOTICES: readonly SubscribeTemplateKind[] = ['group_buy_succeeded', 'group_buy_failed', 'order_shipped'];

/** The shop's templates to ask for at this payment, in the order of the kinds (at most three). */
export function noticesToAsk(templates: SubscribeTemplate[], groupBuy: boolean): SubscribeTemplate[] {
  const kinds = groupBuy ? GROUP_BUY_NOTICES : ORDER_NOTICES;
  return kinds.flatMap((kind) => templates.filter((template) => template.kind === kind)).slice(0, 3);
}
