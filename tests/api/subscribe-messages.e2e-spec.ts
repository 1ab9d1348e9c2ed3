import type { AdminOrderDetail, OrderDetail, SubscribeTemplate } from '../../shared';
import { OrderRow } from '../../server/src/orders/order.entity';
import { SubscribeMessageLogRow } from '../../server/src/subscribe-messages/subscribe-message-log.entity';
import { SubscribeMessagesService } from '../../server/src/subscribe-messages/subscribe-messages.service';
import { SubscribeQuotaRow } from '../../server/src/subscribe-messages/subscribe-quota.entity';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

describe(`subscribe messages (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let alice: string;
  let aliceAddress: number;
  let owner: string;
  let templates: SubscribeTemplate[];
  let tokenCount = 0;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    alice = await memberToken(t, 'subscribe-alice');
    aliceAddress = await shop.address(alice);
    owner = await staffToken(t, 'owner');
    templates = (await t.api().get(`${API}/subscribe-templates`).expect(200)).body;
  });
  afterAll(() => t.close());

  const templateOf = (kind: SubscribeTemplate['kind']) => templates.find((template) => template.kind === kind)!.templateId;
  const answer = (answers: object[], token = alice) => t.api().post(`${API}/me/subscriptions`).set(bearer(token)).send({ answers });

  async function paidOrder(): Promise<OrderDetail> {
    const skuId = await shop.sku(2000, 10);
    const body = { clientToken: `sub-${Date.now().toString(36)}-${++tokenCount}`, items: [{ skuId, quantity: 1 }], addressId: aliceAddress };
    const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(alice)).send(body).expect(201)).body;
    await payAtFake(t, (await startPayment(t, alice, placed.orderNo)).prepayId);
    return eventually(() => orderStatus(t, alice, placed.orderNo), (order) => order.status === 'paid');
  }
  const logsOf = (orderNo: string) =>
    eventually(
      async () => (await t.api().get(`${API}/admin/orders/${orderNo}`).set(bearer(owner)).expect(200)).body as AdminOrderDetail,
      (detail) => detail.subscribeMessages.length > 0,
    );

  it('lists the configured templates', () => {
    expect(templates.map((template) => [template.kind, template.title])).toEqual([
      ['order_paid', '支付成功通知'],
      ['order_shipped', '订单发货通知'],
      ['refund_result', '退款结果通知'],
      ['group_buy_succeeded', '拼团成功通知'],
      ['group_buy_failed', '拼团失败通知'],
      ['live_reminder', '直播开播提醒'],
    ]);
  });

  it('one acceptance allows one message: the next event logs no_quota and sends nothing', async () => {
    await answer([
      { templateId: templateOf('order_paid'), accepted: true },
      { templateId: templateOf('order_shipped'), accepted: false },
    ]).expect(204);
    const sentBefore = t.fake.state.subscribeMessages.length;

    const first = await paidOrder();
    expect((await logsOf(first.orderNo)).subscribeMessages).toEqual([
      expect.objectContaining({ kind: 'order_paid', templateId: templateOf('order_paid'), result: 'sent', errcode: null }),
    ]);
    const sent = t.fake.state.subscribeMessages.slice(sentBefore);
    expect(sent).toEqual([
      expect.objectContaining({
        templateId: templateOf('order_paid'),
        page: `orders/detail/index?orderNo=${first.orderNo}`,
        data: expect.objectContaining({ character_string1: { value: first.orderNo }, amount2: { value: '¥28.00' } }),
      }),
    ]);

    const second = await paidOrder();
    expect((await logsOf(second.orderNo)).subscribeMessages).toEqual([expect.objectContaining({ kind: 'order_paid', result: 'no_quota' })]);
    // The shipped template was declined: shipping logs no_quota too, and the shipment itself goes through.
    const warehouse = await staffToken(t, 'warehouse');
    await t.api().post(`${API}/admin/orders/${second.orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'EMS', trackingNo: 'EM123456789' }).expect(200);
    await eventually(
      async () => (await t.api().get(`${API}/admin/orders/${second.orderNo}`).set(bearer(owner)).expect(200)).body.subscribeMessages as { kind: string; result: string }[],
      (logs) => logs.some((log) => log.kind === 'order_shipped' && log.result === 'no_quota'),
    );
    expect(t.fake.state.subscribeMessages.length).toBe(sentBefore + 1);
  });

  it('parallel sends never take the quota below zero', async () => {
    await answer([{ templateId: templateOf('order_paid'), accepted: true }]).expect(204);
    await answer([{ templateId: templateOf('order_paid'), accepted: true }]).expect(204);
    const order = await paidOrder();
    // Wait for the paid event's own send, then fire ten more for the same order at once.
    await logsOf(order.orderNo);
    const row = await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: order.orderNo });
    const service = t.app.get(SubscribeMessagesService);
    await Promise.all(Array.from({ length: 10 }, () => service.onPaid(row.id)));
    const logs = await t.dataSource.getRepository(SubscribeMessageLogRow).findBy({ orderId: row.id });
    expect(logs.filter((log) => log.result === 'sent')).toHaveLength(2);
    expect(logs.filter((log) => log.result === 'no_quota')).toHaveLength(9);
    const quota = await t.dataSource.getRepository(SubscribeQuotaRow).findOneByOrFail({ memberId: row.memberId, templateId: templateOf('order_paid') });
    expect(quota.remaining).toBe(0);
  });

  it('answers bad input with a code', async () => {
    expectApiError((await answer([{ templateId: 'not-ours', accepted: true }]).expect(400)).body, 'SUBSCRIBE_TEMPLATE_UNKNOWN');
    for (const answers of [[], [{ templateId: templateOf('order_paid') }], [{ templateId: 1, accepted: true }], Array(4).fill({ templateId: templateOf('order_paid'), accepted: true })]) {
      expectApiError((await answer(answers).expect(400)).body, 'VALIDATION_FAILED');
    }
    await t.api().post(`${API}/me/subscriptions`).send({ answers: [{ templateId: templateOf('order_paid'), accepted: true }] }).expect(401);
  });
});
