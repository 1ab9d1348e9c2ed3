/**
 * 拼团 join race on MariaDB:
 *
 *   npm --prefix server run build && node server/dist/server/bench/group-buy.js
 *
 * Starts a throwaway MariaDB (skipped when MariaDB is not installed), the real app and the fake WeChat in this
 * process, and through the real APIs: GROUP_BUY_TEAMS leaders each open a team of 3 and pay; then
 * GROUP_BUY_JOINERS shoppers (three for each team's two seats) join at GROUP_BUY_CONNECTIONS connections, timed.
 * Half the teams then run out of time before their joiners pay, so those payments lose their seats; the
 * expiry and refund sweeps run. Prints joins/s, the answers by code, teams over their size (must be 0),
 * teams succeeded and failed, refunds issued for lost seats and failed teams, and orders refunded more than once
 * (must be 0). The load runs in the server's process, so joins/s is a floor, not the server's ceiling.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import { createApp } from '../src/app';
import { GroupBuyCampaignSkuRow } from '../src/group-buy/group-buy-campaign-sku.entity';
import { GroupBuyCampaignRow } from '../src/group-buy/group-buy-campaign.entity';
import { GroupBuyTeamRow } from '../src/group-buy/group-buy-team.entity';
import { LostSeatRefundSweeper } from '../src/group-buy/lost-seat-refund-sweeper';
import { TeamExpirySweeper } from '../src/group-buy/team-expiry-sweeper';
import { OrderRow } from '../src/orders/order.entity';
import { loadConfig } from '../src/platform/config/app-config';
import { JobRegistry } from '../src/platform/jobs/job-registry';
import { FakeWechatServer } from '../src/wechat-fake/fake-wechat-server';
import { startMariaDb } from './orders/bench-database';
import { mapLimited, setUpShop, type BenchMember } from './orders/shop-setup';

const TEAMS = Number(process.env.GROUP_BUY_TEAMS ?? 100);
const TEAM_SIZE = 3;
const JOINERS = Number(process.env.GROUP_BUY_JOINERS ?? 300);
const CONNECTIONS = Number(process.env.GROUP_BUY_CONNECTIONS ?? 50);
const API = '/api/v1';

async function main(): Promise<void> {
  const database = await startMariaDb();
  if (!database) {
    console.log('MariaDB is not installed: the group-buy join race is skipped.');
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'group-buy-bench-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: database.appDatabaseUrl,
    LOG_LEVEL: 'error',
    SEED_DEMO_HISTORY: 'false',
    SEED_DEMO_COUPONS: 'false',
    H5_DIST_DIR: join(dataDir, 'no-h5-build'),
    ADMIN_DIST_DIR: join(dataDir, 'no-admin-build'),
    WECHAT_APPID: '',
    WECHAT_MODE: 'fake',
  });
  const fake = new FakeWechatServer({ appid: config.wechat.appid, secret: config.wechat.secret, pay: config.wechatPay.fake ?? undefined });
  await fake.start(0, '127.0.0.1');
  const app = await createApp({ config, wechatApiBase: fake.url, wechatRuntime: { mode: 'fake', fakePort: fake.port } });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  config.wechatPay.publicBaseUrl = url;
  // The bench runs the sweeps itself, when it means to.
  app.get(JobRegistry).stopAll();
  const dataSource = app.get(DataSource);
  try {
    console.log(`setting up: ${TEAMS} leaders and ${JOINERS} joiners on MariaDB…`);
    const shop = await setUpShop(url, fake.url, { members: TEAMS + JOINERS, hotStock: 100_000, sellOutStock: 1 });
    const campaign = await dataSource.getRepository(GroupBuyCampaignRow).save({
      name: '压测拼团',
      productId: shop.hot.productId,
      teamSize: TEAM_SIZE,
      validityHours: 24,
      startsAt: new Date(Date.now() - 60_000),
      endsAt: new Date(Date.now() + 7 * 24 * 3_600_000),
      rulesText: '',
    });
    await dataSource.getRepository(GroupBuyCampaignSkuRow).insert({ campaignId: campaign.id, skuId: shop.hot.skuId, groupPriceFen: 5000, leaderPriceFen: null });
    const order = (member: BenchMember, teamId: number | null, token: string) =>
      request(url, 'POST', '/orders', member.token, {
        clientToken: token,
        items: [{ skuId: shop.hot.skuId, quantity: 1 }],
        addressId: member.addressId,
        groupBuy: { campaignId: campaign.id, teamId },
      });
    const pay = async (member: BenchMember, orderNo: string) => {
      const { body } = await request(url, 'POST', `/orders/${orderNo}/payment`, member.token);
      await fetch(`${fake.url}/fake/pay/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prepayId: (body as { prepayId: string }).prepayId }) });
    };

    const leaders = shop.members.slice(0, TEAMS);
    const leaderOrderNos = await inParallel(leaders, CONNECTIONS, async (leader, index) => {
      const { orderNo } = (await order(leader, null, `bench-gb-lead-${index}`)).body as { orderNo: string };
      await pay(leader, orderNo);
      return orderNo;
    });
    await until(async () => (await dataSource.getRepository(GroupBuyTeamRow).countBy({ campaignId: campaign.id, status: 'forming' })) === TEAMS);
    const teams = await Promise.all(leaderOrderNos.map(async (orderNo) => (await dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo })).groupBuyTeamId!));

    // The race: three joiners for each team's two seats, at CONNECTIONS connections.
    const joiners = shop.members.slice(TEAMS, TEAMS + JOINERS);
    const started = performance.now();
    const answers = await inParallel(joiners, CONNECTIONS, async (joiner, index) => {
      const { status, body } = await order(joiner, teams[index % teams.length], `bench-gb-join-${index}`);
      return { joiner, status, code: (body as { code?: string }).code ?? String(status), orderNo: (body as { orderNo?: string }).orderNo ?? null };
    });
    const seconds = (performance.now() - started) / 1000;
    const byCode = new Map<string, number>();
    for (const answer of answers) byCode.set(answer.code, (byCode.get(answer.code) ?? 0) + 1);
    const joined = answers.filter((answer) => answer.status === 201);

    // Half the teams run out of time before their joiners pay: those payments lose their seats and are refunded.
    const late = new Set(teams.filter((_, index) => index % 2 === 1));
    await dataSource.getRepository(GroupBuyTeamRow).createQueryBuilder().update().set({ expiresAt: new Date(Date.now() - 60_000) }).whereInIds([...late]).execute();
    await inParallel(joined, CONNECTIONS, (answer) => pay(answer.joiner, answer.orderNo!));
    const joinedNos = joined.map((answer) => answer.orderNo!);
    await until(async () => (await dataSource.getRepository(OrderRow).countBy({ orderNo: In(joinedNos), status: 'pending_payment' })) === 0);
    await app.get(TeamExpirySweeper).sweep(new Date());
    await app.get(LostSeatRefundSweeper).sweep();

    const [figures] = (await dataSource.query(
      `SELECT
         (SELECT COUNT(*) FROM group_buy_teams WHERE campaignId = ? AND (seatsTaken > teamSize OR seatsPaid > teamSize)) AS overfilled,
         (SELECT COUNT(*) FROM group_buy_teams WHERE campaignId = ? AND status = 'succeeded') AS succeeded,
         (SELECT COUNT(*) FROM group_buy_teams WHERE campaignId = ? AND status = 'failed') AS failed,
         (SELECT COUNT(*) FROM refunds r JOIN group_buy_seats s ON s.orderId = r.orderId WHERE s.campaignId = ? AND s.status = 'lost') AS lostSeatRefunds,
         (SELECT COUNT(*) FROM refunds r JOIN group_buy_seats s ON s.orderId = r.orderId WHERE s.campaignId = ? AND s.status = 'paid') AS failedTeamRefunds,
         (SELECT COUNT(*) FROM (SELECT r.orderId FROM refunds r JOIN group_buy_seats s ON s.orderId = r.orderId WHERE s.campaignId = ? GROUP BY r.orderId HAVING COUNT(*) > 1) twice) AS refundedTwice`,
      Array(6).fill(campaign.id),
    )) as Record<string, string | number>[];
    const rows: [string, string][] = [
      ['joiners / connections', `${JOINERS} / ${CONNECTIONS} (teams of ${TEAM_SIZE}, ${TEAMS} teams, ${TEAMS * (TEAM_SIZE - 1)} seats)`],
      ['joins/s (accepted and refused answers)', (JOINERS / seconds).toFixed(0)],
      ['answers', [...byCode].map(([code, count]) => `${code} ${count}`).join(', ')],
      ['teams over their size (must be 0)', String(figures.overfilled)],
      ['teams succeeded / failed', `${figures.succeeded} / ${figures.failed}`],
      ['refunds for lost seats', String(figures.lostSeatRefunds)],
      ['refunds for failed teams', String(figures.failedTeamRefunds)],
      ['orders refunded twice (must be 0)', String(figures.refundedTwice)],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log('\n拼团 join race (MariaDB)');
    for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
    if (Number(figures.overfilled) !== 0 || Number(figures.refundedTwice) !== 0) process.exitCode = 1;
  } finally {
    fake.state.pay.stop();
    await app.close();
    await fake.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function request(url: string, method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}${API}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** Runs `work` for every item, `parallelism` at a time; answers the results in the items' order. */
function inParallel<T, R>(items: T[], parallelism: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  return mapLimited(items.length, parallelism, (index) => work(items[index], index));
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the bench waited too long for the payments to land');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
