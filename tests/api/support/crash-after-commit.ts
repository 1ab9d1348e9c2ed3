/**
 * A server process that dies (SIGKILL, as `kill -9` would) right after committing a change and before any follower
 * of its events ran: the crash the outbox exists for. Run by tests/api/domain-events.e2e-spec.ts as
 * `node -r ts-register.cjs crash-after-commit.ts <pay|complete> <orderNo>` with DATA_DIR and DATABASE_URL of a
 * test database the suite closed for it. It exits 3 if it was NOT killed (the change did not commit).
 */
import 'reflect-metadata';
import { createApp } from '../../../server/src/app';
import { OrderRow } from '../../../server/src/orders/order.entity';
import { ShippingService } from '../../../server/src/orders/shipping.service';
import { PaymentsService } from '../../../server/src/payments/payments.service';
import { loadConfig } from '../../../server/src/platform/config/app-config';
import { DomainEvents } from '../../../server/src/platform/events/domain-events.service';
import { WechatPayClient } from '../../../server/src/wechat/pay/wechat-pay.client';
import { DataSource } from 'typeorm';

async function main(): Promise<void> {
  const [action, orderNo] = process.argv.slice(2);
  const config = loadConfig({
    DATA_DIR: process.env.DATA_DIR,
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    JWT_SECRET: 'crash-after-commit-secret-0123456789',
    SEED_DEMO: 'false',
    SEED_DEMO_COUPONS: 'false',
    SEED_DEMO_HISTORY: 'false',
    LOG_LEVEL: 'silent',
  });
  // Nothing is sent to WeChat in these steps; the address only has to be well-formed.
  const app = await createApp({ config, wechatApiBase: 'http://127.0.0.1:9', wechatRuntime: { mode: 'fake', fakePort: null } });
  await app.init();
  // Where the committed transaction hands its events to the followers: die there instead.
  Object.assign(app.get(DomainEvents), { dispatch: () => process.kill(process.pid, 'SIGKILL') });
  const order = await app.get(DataSource).getRepository(OrderRow).findOneByOrFail({ orderNo });
  if (action === 'pay') {
    const pay = app.get(WechatPayClient);
    await app.get(PaymentsService).applyTransaction({
      appid: pay.appid,
      mchid: pay.mchid,
      out_trade_no: orderNo,
      transaction_id: `4200CRASH${order.id}`,
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      success_time: new Date().toISOString(),
      payer: { openid: 'crash-test' },
      amount: { total: order.payableFen, currency: 'CNY' },
    });
  } else if (action === 'complete') {
    await app.get(ShippingService).complete(order.id);
  }
  process.exit(3);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
