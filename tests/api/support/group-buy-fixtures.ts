import type { OrderDetail } from '../../../shared';
import { GroupBuyCampaignSkuRow } from '../../../server/src/group-buy/group-buy-campaign-sku.entity';
import { GroupBuyCampaignRow } from '../../../server/src/group-buy/group-buy-campaign.entity';
import { GroupBuySeatRow } from '../../../server/src/group-buy/group-buy-seat.entity';
import { GroupBuyTeamRow } from '../../../server/src/group-buy/group-buy-team.entity';
import { OrderRow } from '../../../server/src/orders/order.entity';
import { RefundRow } from '../../../server/src/payments/refund.entity';
import { deliver, eventually, payAtFake, signedHeaders, startPayment, transactionNotification } from './pay-helpers';
import { API, bearer, type TestApp } from './test-app';

/** A campaign written straight into its tables (the console's CRUD is another suite's business). */
export async function createCampaign(
  t: TestApp,
  input: { productId: number; skus: { skuId: number; groupPriceFen: number; leaderPriceFen?: number | null }[] } & Partial<Omit<GroupBuyCampaignRow, 'id' | 'productId'>>,
): Promise<GroupBuyCampaignRow> {
  const { skus, ...overrides } = input;
  const now = Date.now();
  const campaign = await t.dataSource.getRepository(GroupBuyCampaignRow).save({
    name: '测试拼团',
    teamSize: 2,
    validityHours: 24,
    startsAt: new Date(now - 3_600_000),
    endsAt: new Date(now + 7 * 24 * 3_600_000),
    endedAt: null,
    memberTeamLimit: 0,
    memberUnitLimit: 0,
    unitQuota: 0,
    unitsTaken: 0,
    allowCoupons: false,
    allowPoints: false,
    virtualCompletion: false,
    virtualThresholdPercent: null,
    rulesText: '',
    createdByStaffId: null,
    ...overrides,
  });
  await t.dataSource
    .getRepository(GroupBuyCampaignSkuRow)
    .insert(skus.map((sku) => ({ campaignId: campaign.id, skuId: sku.skuId, groupPriceFen: sku.groupPriceFen, leaderPriceFen: sku.leaderPriceFen ?? null })));
  return campaign;
}

let tokens = 0;

/** Places a group-buy order (teamId null opens a team); answers the raw response so refusals can be checked. */
export function placeGroupOrder(t: TestApp, token: string, input: { addressId: number; skuId: number; quantity?: number; campaignId: number; teamId: number | null; fromCart?: boolean }) {
  tokens += 1;
  return t
    .api()
    .post(`${API}/orders`)
    .set(bearer(token))
    .send({
      clientToken: `gb-${process.pid}-${tokens}-${Date.now()}`,
      items: [{ skuId: input.skuId, quantity: input.quantity ?? 1 }],
      addressId: input.addressId,
      groupBuy: { campaignId: input.campaignId, teamId: input.teamId },
      ...(input.fromCart ? { fromCart: true } : {}),
    });
}

/** Delivers a signed TRANSACTION.SUCCESS for the order, as WeChat Pay would after the shopper paid. */
export async function notifyPaid(t: TestApp, order: Pick<OrderDetail, 'orderNo' | 'payableFen'>): Promise<number> {
  const body = transactionNotification(t, { orderNo: order.orderNo, amountFen: order.payableFen });
  return (await deliver(t, body, signedHeaders(t, body))).status;
}

export const teamRow = (t: TestApp, id: number) => t.dataSource.getRepository(GroupBuyTeamRow).findOneByOrFail({ id });
export const seatsOf = (t: TestApp, teamId: number) => t.dataSource.getRepository(GroupBuySeatRow).find({ where: { teamId }, order: { id: 'ASC' } });
export const orderRowOf = (t: TestApp, orderNo: string) => t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo });
export const campaignRow = (t: TestApp, id: number) => t.dataSource.getRepository(GroupBuyCampaignRow).findOneByOrFail({ id });

/** Pays the order the way a shopper does (the fake's cashier), then waits for the notification to land. */
export async function payThroughFake(t: TestApp, token: string, orderNo: string): Promise<void> {
  await payAtFake(t, (await startPayment(t, token, orderNo)).prepayId);
  await eventually(() => orderRowOf(t, orderNo), (row) => row.status !== 'pending_payment');
}

/** The order's refund rows. */
export const refundRowsOf = async (t: TestApp, orderNo: string) =>
  t.dataSource.getRepository(RefundRow).find({ where: { orderId: (await orderRowOf(t, orderNo)).id }, order: { id: 'ASC' } });

/** A team whose leader has paid (forming), and the leader's order. */
export async function formingTeam(t: TestApp, campaignId: number, skuId: number, leader: { token: string; addressId: number }): Promise<{ order: OrderDetail; teamId: number }> {
  const order: OrderDetail = (await placeGroupOrder(t, leader.token, { ...leader, skuId, campaignId, teamId: null }).expect(201)).body;
  await payThroughFake(t, leader.token, order.orderNo);
  return { order, teamId: (await orderRowOf(t, order.orderNo)).groupBuyTeamId! };
}
