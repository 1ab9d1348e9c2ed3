import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../../platform/config/app-config';
import type { FakeWechatServer } from '../../wechat-fake/fake-wechat-server';
import { FakePayBench } from '../../wechat-fake/testing/fake-pay-bench';
import { formatAuthorization, newNonce, paySignMessage, requestSigningMessage, signSha256WithRsa, unixSeconds, verifySha256WithRsa } from './wechat-pay-crypto';
import { WechatPayApiError, WechatPayNotificationRejected, WechatPayResponseRejected, WechatPayUnreachableError } from './wechat-pay-errors';
import { WechatPayClient } from './wechat-pay.client';
import { WechatPayNotificationVerifier } from './wechat-pay-notification.verifier';

async function waitFor<T>(probe: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('WechatPayClient against the fake WeChat Pay over HTTP', () => {
  // 15 s becomes 1.5 ms: the whole retry schedule runs in well under a second.
  const bench = new FakePayBench({ name: 'wechat-pay-spec', pay: { notifyRetryFactor: 0.0001, refundSettleMs: 20 }, notifyPath: '/api/v1/pay/notify' });
  const { clock, receiver } = bench;
  let config: AppConfig;
  let fake: FakeWechatServer;
  let client: WechatPayClient;
  let verifier: WechatPayNotificationVerifier;
  let notifyUrl: string;
  let orderSeq = 0;

  beforeAll(async () => {
    ({ config, fake, client, verifier, notifyUrl } = await bench.start());
  });
  afterAll(() => bench.stop());
  afterEach(() => {
    bench.offsetMs = 0;
  });

  const newOrder = async (amountFen = 1990) => {
    const outTradeNo = `T${Date.now()}${String(++orderSeq).padStart(4, '0')}`;
    const { prepayId } = await client.createJsapiOrder({
      outTradeNo,
      description: '山野茶事-明前龙井 250g',
      amountFen,
      payerOpenid: 'o-test-payer',
      notifyUrl,
      timeExpire: new Date(clock() + 30 * 60 * 1000),
      attach: 'order:1',
    });
    return { outTradeNo, prepayId };
  };
  const tester = (path: string, body: unknown) =>
    fetch(`${fake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const deliveriesOf = (eventType: string, field: string, value: string) =>
    receiver.received.filter((delivery) => {
      const notification = verifier.verify(delivery.rawBody, delivery.headers);
      const content = (notification.kind === 'transaction' ? notification.transaction : notification.refund) as unknown as Record<string, unknown>;
      return notification.eventType === eventType && content[field] === value;
    });

  it('orders, signs requestPayment, pays in the cashier and delivers a verifiable TRANSACTION.SUCCESS', async () => {
    const { outTradeNo, prepayId } = await newOrder(1990);
    expect(prepayId).toMatch(/^wx\d{14}[0-9a-f]{24}$/);

    const params = client.requestPaymentParams(prepayId);
    expect(params).toMatchObject({ appId: config.wechat.appid, package: `prepay_id=${prepayId}`, signType: 'RSA' });
    const merchantPublicKey = createPublicKey(createPrivateKey(config.wechatPay.merchantPrivateKeyPem));
    expect(verifySha256WithRsa(paySignMessage(params.appId, params.timeStamp, params.nonceStr, params.package), params.paySign, merchantPublicKey)).toBe(true);

    const cashier = await fetch(`${fake.url}/fake/cashier?prepay_id=${prepayId}&redirect=${encodeURIComponent('http://localhost:3000/#/order')}`);
    const html = await cashier.text();
    expect(html).toContain('¥19.90');
    expect(html).toContain('山野茶事-明前龙井 250g');
    expect(html).toContain('确认支付');
    expect((await client.queryOrder(outTradeNo)).trade_state).toBe('NOTPAY');

    const cancel = await tester('/fake/pay/cancel', { prepayId });
    expect(await cancel.json()).toMatchObject({ errMsg: 'requestPayment:fail cancel' });
    expect((await client.queryOrder(outTradeNo)).trade_state).toBe('NOTPAY');

    expect((await tester('/fake/pay/confirm', { prepayId })).status).toBe(200);
    const [delivery] = await waitFor(() => {
      const found = deliveriesOf('TRANSACTION.SUCCESS', 'out_trade_no', outTradeNo);
      return found.length ? found : undefined;
    }, 'the payment notification');
    const notification = verifier.verify(delivery.rawBody, delivery.headers);
    if (notification.kind !== 'transaction') throw new Error('expected a transaction');
    expect(notification.summary).toBe('支付成功');
    expect(notification.transaction).toMatchObject({
      appid: config.wechat.appid,
      mchid: config.wechatPay.mchid,
      out_trade_no: outTradeNo,
      trade_state: 'SUCCESS',
      trade_type: 'JSAPI',
      attach: 'order:1',
      payer: { openid: 'o-test-payer' },
      amount: { total: 1990, payer_total: 1990, currency: 'CNY' },
    });
    expect(delivery.headers['wechatpay-serial']).toBe(config.wechatPay.platformSerial);

    const queried = await client.queryOrder(outTradeNo);
    expect(notification.transaction.transaction_id).toMatch(/^4200\d{24}$/);
    expect(queried).toMatchObject({ trade_state: 'SUCCESS', transaction_id: notification.transaction.transaction_id });
    const again = await tester('/fake/pay/confirm', { prepayId });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ message: '该订单已支付' });
  });

  it('retries a notification answered with 500 on the scaled schedule, with the same id, until a 2xx', async () => {
    const { outTradeNo, prepayId } = await newOrder(500);
    receiver.statuses = [500, 503, 500];
    await tester('/fake/pay/confirm', { prepayId });
    await waitFor(() => (deliveriesOf('TRANSACTION.SUCCESS', 'out_trade_no', outTradeNo).length === 4 ? true : undefined), 'four deliveries');
    await fake.state.pay.notifications.idle();

    const deliveries = deliveriesOf('TRANSACTION.SUCCESS', 'out_trade_no', outTradeNo);
    expect(deliveries.map((d) => d.status)).toEqual([500, 503, 500, 200]);
    const ids = deliveries.map((d) => verifier.verify(d.rawBody, d.headers).id);
    expect(new Set(ids).size).toBe(1);
    // Every attempt is signed afresh.
    expect(new Set(deliveries.map((d) => d.headers['wechatpay-nonce'])).size).toBe(4);
    const attempts = fake.state.pay.notifications.attempts.filter((a) => a.notificationId === ids[0]);
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([[0, 500], [1, 503], [2, 500], [3, 200]]);

    // A tester can deliver it again, e.g. to race duplicate notifications.
    expect((await tester('/fake/pay/redeliver', { outTradeNo })).status).toBe(200);
    await waitFor(() => (deliveriesOf('TRANSACTION.SUCCESS', 'out_trade_no', outTradeNo).length === 5 ? true : undefined), 'the redelivery');
  });

  it('answers bad order parameters and a changed re-submission with typed errors; a repeat issues a new prepay id', async () => {
    const order = (outTradeNo: string, amountFen: number) =>
      client.createJsapiOrder({ outTradeNo, description: '测试', amountFen, payerOpenid: 'o-test', notifyUrl, timeExpire: new Date(clock() + 60_000) });
    await expect(order('T1', 100)).rejects.toMatchObject({ status: 400, code: 'PARAM_ERROR' });
    await expect(order(`T${Date.now()}z`, 0)).rejects.toMatchObject({ status: 400, code: 'PARAM_ERROR' });
    const outTradeNo = `T${Date.now()}r${++orderSeq}`;
    const first = await order(outTradeNo, 100);
    const second = await order(outTradeNo, 100);
    expect(second.prepayId).not.toBe(first.prepayId);
    await expect(order(outTradeNo, 200)).rejects.toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
    await tester('/fake/pay/confirm', { prepayId: second.prepayId });
    await expect(order(outTradeNo, 100)).rejects.toMatchObject({ status: 400, code: 'ORDERPAID' });
  });

  it('reports an unreachable WeChat Pay as WechatPayUnreachableError', async () => {
    const offline = new WechatPayClient({
      apiBase: 'http://127.0.0.1:1',
      appid: config.wechat.appid,
      mchid: config.wechatPay.mchid,
      merchantSerial: config.wechatPay.merchantSerial,
      merchantPrivateKey: config.wechatPay.merchantPrivateKeyPem,
      platformPublicKeys: {},
    });
    await expect(offline.queryOrder('T-anything')).rejects.toThrow(WechatPayUnreachableError);
  });

  it('refuses payment after time_expire', async () => {
    const outTradeNo = `T${Date.now()}e${++orderSeq}`;
    const { prepayId } = await client.createJsapiOrder({
      outTradeNo,
      description: '测试',
      amountFen: 100,
      payerOpenid: 'o-test',
      notifyUrl,
      timeExpire: new Date(clock() + 60_000),
    });
    bench.offsetMs = 61_000;
    const late = await tester('/fake/pay/confirm', { prepayId });
    expect(late.status).toBe(409);
    expect(await late.json()).toEqual({ message: '订单已超过支付截止时间' });
    expect((await client.queryOrder(outTradeNo)).trade_state).toBe('NOTPAY');
  });

  it('closes an unpaid order (204), which then cannot be paid; a paid order cannot be closed', async () => {
    const { outTradeNo, prepayId } = await newOrder();
    await expect(client.closeOrder(outTradeNo)).resolves.toBeUndefined();
    expect((await client.queryOrder(outTradeNo)).trade_state).toBe('CLOSED');
    const pay = await tester('/fake/pay/confirm', { prepayId });
    expect(pay.status).toBe(409);
    expect(await pay.json()).toEqual({ message: '该订单已关闭，无法支付' });

    const paid = await newOrder();
    await tester('/fake/pay/confirm', { prepayId: paid.prepayId });
    await expect(client.closeOrder(paid.outTradeNo)).rejects.toMatchObject({ status: 400, code: 'ORDERPAID' });
    const missing = await client.queryOrder('T-never-placed').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(WechatPayApiError);
    expect(missing).toMatchObject({ status: 404, code: 'ORDER_NOT_EXIST' });
  });

  it('refunds: PROCESSING, then SUCCESS with a REFUND.SUCCESS notification; idempotent on out_refund_no; never more than paid', async () => {
    const { outTradeNo, prepayId } = await newOrder(1990);
    await tester('/fake/pay/confirm', { prepayId });
    const outRefundNo = `R${outTradeNo}`;
    const refund = await client.createRefund({ outTradeNo, outRefundNo, refundFen: 500, totalFen: 1990, reason: '不想要了' });
    expect(refund).toMatchObject({ out_refund_no: outRefundNo, out_trade_no: outTradeNo, status: 'PROCESSING', amount: { refund: 500, total: 1990 } });
    expect((await client.queryOrder(outTradeNo)).trade_state).toBe('REFUND');
    const same = await client.createRefund({ outTradeNo, outRefundNo, refundFen: 500, totalFen: 1990 });
    expect(same.refund_id).toBe(refund.refund_id);

    const [delivery] = await waitFor(() => {
      const found = deliveriesOf('REFUND.SUCCESS', 'out_refund_no', outRefundNo);
      return found.length ? found : undefined;
    }, 'the refund notification');
    const notification = verifier.verify(delivery.rawBody, delivery.headers);
    if (notification.kind !== 'refund') throw new Error('expected a refund');
    expect(notification.refund).toMatchObject({ out_trade_no: outTradeNo, refund_status: 'SUCCESS', amount: { refund: 500, total: 1990 } });
    expect((await client.queryRefund(outRefundNo)).status).toBe('SUCCESS');

    await expect(client.createRefund({ outTradeNo, outRefundNo: `${outRefundNo}-2`, refundFen: 1491, totalFen: 1990 })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await expect(client.createRefund({ outTradeNo, outRefundNo: `${outRefundNo}-3`, refundFen: 100, totalFen: 2000 })).rejects.toMatchObject({
      code: 'PARAM_ERROR',
    });
    await expect(client.queryRefund('R-unknown')).rejects.toMatchObject({ status: 404, code: 'RESOURCE_NOT_EXISTS' });
    const unpaid = await newOrder();
    await expect(client.createRefund({ outTradeNo: unpaid.outTradeNo, outRefundNo: `R${unpaid.outTradeNo}`, refundFen: 1, totalFen: 1990 })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
  });

  it('rejects a notification with a tampered body, a stale timestamp or an unknown serial', async () => {
    const { outTradeNo, prepayId } = await newOrder(880);
    await tester('/fake/pay/confirm', { prepayId });
    const [delivery] = await waitFor(() => {
      const found = deliveriesOf('TRANSACTION.SUCCESS', 'out_trade_no', outTradeNo);
      return found.length ? found : undefined;
    }, 'the payment notification');
    const rejection = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error as WechatPayNotificationRejected;
      }
      throw new Error('expected a rejection');
    };

    const tampered = Buffer.from(delivery.rawBody.toString().replace('"支付成功"', '"支付失败"'));
    expect(rejection(() => verifier.verify(tampered, delivery.headers))).toMatchObject({ reason: 'BAD_SIGNATURE', httpStatus: 401 });
    expect(rejection(() => verifier.verify(delivery.rawBody, { ...delivery.headers, 'wechatpay-serial': 'PUB_KEY_ID_OTHER' }))).toMatchObject({
      reason: 'UNKNOWN_SERIAL',
    });
    bench.offsetMs = 300 * 1000;
    const stale = rejection(() => verifier.verify(delivery.rawBody, delivery.headers));
    expect(stale).toMatchObject({ reason: 'STALE_TIMESTAMP' });
    expect(stale.toResponseBody()).toEqual({ code: 'FAIL', message: stale.message });
    // Whole seconds on both sides: the exact 299/300 s edge is covered by the unit tests.
    bench.offsetMs = 290 * 1000;
    expect(verifier.verify(delivery.rawBody, delivery.headers).id).toBeTruthy();

    const wrongKey = new WechatPayNotificationVerifier({
      apiV3Key: 'a'.repeat(32),
      platformPublicKeys: { [config.wechatPay.platformSerial]: config.wechatPay.platformPublicKeyPem },
      now: clock,
    });
    expect(rejection(() => wrongKey.verify(delivery.rawBody, delivery.headers))).toMatchObject({ reason: 'DECRYPTION_FAILED' });
  });

  describe('the fake refuses requests that are not signed by the merchant', () => {
    const jsapiBody = () =>
      JSON.stringify({
        appid: config.wechat.appid,
        mchid: config.wechatPay.mchid,
        description: '测试',
        out_trade_no: `T${Date.now()}x${++orderSeq}`,
        notify_url: notifyUrl,
        amount: { total: 1, currency: 'CNY' },
        payer: { openid: 'o-test' },
      });
    const signedFetch = (body: string, options: { sentBody?: string; timestamp?: string; nonce?: string } = {}) => {
      const timestamp = options.timestamp ?? unixSeconds(clock());
      const nonce = options.nonce ?? newNonce();
      const key = createPrivateKey(config.wechatPay.merchantPrivateKeyPem);
      const signature = signSha256WithRsa(requestSigningMessage('POST', '/v3/pay/transactions/jsapi', timestamp, nonce, body), key);
      return fetch(`${fake.url}/v3/pay/transactions/jsapi`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: formatAuthorization({ mchid: config.wechatPay.mchid, nonce_str: nonce, signature, timestamp, serial_no: config.wechatPay.merchantSerial }),
        },
        body: options.sentBody ?? body,
      });
    };
    const expectSignError = async (response: Response) => {
      expect(response.status).toBe(401);
      expect(response.headers.get('wechatpay-signature')).toBeTruthy();
      expect(await response.json()).toMatchObject({ code: 'SIGN_ERROR' });
    };

    it('accepts a correctly signed request once, and refuses the same nonce again', async () => {
      const body = jsapiBody();
      const nonce = newNonce();
      expect((await signedFetch(body, { nonce })).status).toBe(200);
      await expectSignError(await signedFetch(body, { nonce }));
    });

    it('refuses an unsigned request, a body changed after signing and a timestamp 300 s old', async () => {
      await expectSignError(await fetch(`${fake.url}/v3/pay/transactions/jsapi`, { method: 'POST', body: jsapiBody() }));
      const body = jsapiBody();
      await expectSignError(await signedFetch(body, { sentBody: body.replace('"total":1', '"total":2') }));
      await expectSignError(await signedFetch(jsapiBody(), { timestamp: unixSeconds(clock() - 300 * 1000) }));
      expect((await signedFetch(jsapiBody(), { timestamp: unixSeconds(clock() - 290 * 1000) })).status).toBe(200);
    });

    it('answers a client signing with another merchant key with a typed 401 SIGN_ERROR', async () => {
      const impostor = new WechatPayClient({
        apiBase: fake.url,
        appid: config.wechat.appid,
        mchid: config.wechatPay.mchid,
        merchantSerial: config.wechatPay.merchantSerial,
        merchantPrivateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
        platformPublicKeys: { [config.wechatPay.platformSerial]: config.wechatPay.platformPublicKeyPem },
        now: clock,
      });
      await expect(impostor.queryOrder('T-anything')).rejects.toMatchObject({ status: 401, code: 'SIGN_ERROR' });
    });
  });

  describe('the client refuses answers without a valid platform signature', () => {
    let proxy: Server;
    let proxyUrl: string;
    /** Between the client and the fake: forwards everything, changes the answer's body. */
    beforeAll(async () => {
      proxy = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', async () => {
          const upstream = await fetch(`${fake.url}${req.url}`, {
            method: req.method,
            headers: req.headers as Record<string, string>,
            body: chunks.length ? Buffer.concat(chunks) : undefined,
          });
          const body = (await upstream.text()).replace(/"prepay_id":"wx/, '"prepay_id":"xx');
          const headers = Object.fromEntries([...upstream.headers].filter(([name]) => name.startsWith('wechatpay-')));
          res.writeHead(upstream.status, { ...headers, 'content-type': 'application/json' }).end(body);
        });
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

    const clientWith = (overrides: { apiBase?: string; platformPublicKeys?: Record<string, string>; now?: () => number }) =>
      new WechatPayClient({
        apiBase: overrides.apiBase ?? fake.url,
        appid: config.wechat.appid,
        mchid: config.wechatPay.mchid,
        merchantSerial: config.wechatPay.merchantSerial,
        merchantPrivateKey: config.wechatPay.merchantPrivateKeyPem,
        platformPublicKeys: overrides.platformPublicKeys ?? { [config.wechatPay.platformSerial]: config.wechatPay.platformPublicKeyPem },
        now: overrides.now ?? clock,
      });
    const order = (payClient: WechatPayClient) =>
      payClient.createJsapiOrder({
        outTradeNo: `T${Date.now()}p${++orderSeq}`,
        description: '测试',
        amountFen: 1,
        payerOpenid: 'o-test',
        notifyUrl,
        timeExpire: new Date(clock() + 60_000),
      });

    it('refuses a body changed in transit', async () => {
      await expect(order(clientWith({ apiBase: proxyUrl }))).rejects.toThrow(WechatPayResponseRejected);
      await expect(order(clientWith({ apiBase: proxyUrl }))).rejects.toThrow('BAD_SIGNATURE');
    });

    it('refuses a signature by another key under the same serial, an unknown serial, and a skewed clock', async () => {
      const otherKey = createPublicKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey).export({ type: 'spki', format: 'pem' }).toString();
      await expect(order(clientWith({ platformPublicKeys: { [config.wechatPay.platformSerial]: otherKey } }))).rejects.toThrow('BAD_SIGNATURE');
      await expect(order(clientWith({ platformPublicKeys: { PUB_KEY_ID_OTHER: config.wechatPay.platformPublicKeyPem } }))).rejects.toThrow('UNKNOWN_SERIAL');
      // A client clock 5 minutes behind sees WeChat's timestamps as outside the window.
      await expect(order(clientWith({ now: () => clock() - 301_000 }))).rejects.toThrow('STALE_TIMESTAMP');
      await expect(order(clientWith({}))).resolves.toHaveProperty('prepayId');
    });
  });

  it('serves the cashier only for a valid prepay id (2 hours)', async () => {
    const { prepayId } = await newOrder();
    expect((await fetch(`${fake.url}/fake/cashier?prepay_id=${prepayId}`)).status).toBe(200);
    expect((await fetch(`${fake.url}/fake/cashier?prepay_id=wx-unknown`)).status).toBe(404);
    bench.offsetMs = 2 * 3600 * 1000;
    const expired = await fetch(`${fake.url}/fake/cashier?prepay_id=${prepayId}`);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain('已过期');
  });
});
