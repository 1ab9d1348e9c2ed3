import { SUBSCRIBE_TEMPLATE_KINDS, type SubscribeTemplate } from '@shared/api/payments';
import { noticesToAsk } from './subscribe-notices';

const templates: SubscribeTemplate[] = SUBSCRIBE_TEMPLATE_KINDS.map((kind) => ({ kind, templateId: `tpl-${kind}`, title: kind }));

describe('the notices asked for at payment (WeChat shows at most three)', () => {
  it('an ordinary order asks for paid, shipped and refund result', () => {
    expect(noticesToAsk(templates, false).map((template) => template.kind)).toEqual(['order_paid', 'order_shipped', 'refund_result']);
  });
  it('a 拼团 order asks for the team succeeding or failing and the shipping', () => {
    expect(noticesToAsk(templates, true).map((template) => template.kind)).toEqual(['group_buy_succeeded', 'group_buy_failed', 'order_shipped']);
  });
  it('asks only for the templates the shop configured', () => {
    expect(noticesToAsk(templates.filter((template) => template.kind !== 'group_buy_failed'), true)).toHaveLength(2);
    expect(noticesToAsk([], true)).toEqual([]);
  });
});
