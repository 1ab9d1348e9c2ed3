import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../../platform/config/app-config';
import { createWechatPay } from '../../wechat/pay/wechat-pay.factory';
import type { WechatPayClient } from '../../wechat/pay/wechat-pay.client';
import type { WechatPayNotificationVerifier } from '../../wechat/pay/wechat-pay-notification.verifier';
import type { WechatTransferClient } from '../../wechat/pay/wechat-transfer.client';
import { FakeWechatServer } from '../fake-wechat-server';
import type { FakeWechatPayOptions } from '../pay/fake-wechat-pay';
import { NotifyReceiver } from './notify-receiver';

export interface FakePayBenchOptions {
  /** Names the throwaway data folder. */
  name: string;
  /** The fake's timings (notification retries, refund and transfer settling, a held answer). */
  pay?: Omit<FakeWechatPayOptions, 'merchant'>;
  /** Per-call timeout of the server's clients. */
  timeoutMs?: number;
  /** Path of notify_url on the receiver. */
  notifyPath: string;
}

/**
 * For protocol tests without the app: the fake WeChat on a free port, the server's own WeChat Pay clients and
 * notification verifier pointed at it, and a notify receiver; all on one clock a test can move (`offsetMs`).
 */
export class FakePayBench {
  offsetMs = 0;
  readonly clock = () => Date.now() + this.offsetMs;
  readonly receiver = new NotifyReceiver();
  config: AppConfig;
  fake: FakeWechatServer;
  client: WechatPayClient;
  transfers: WechatTransferClient;
  verifier: WechatPayNotificationVerifier;
  notifyUrl: string;
  private dataDir: string;

  constructor(private readonly options: FakePayBenchOptions) {}

  async start(): Promise<this> {
    this.dataDir = mkdtempSync(join(tmpdir(), `${this.options.name}-`));
    // The generated test merchant under DATA_DIR: the fake and the clients share its keys.
    this.config = loadConfig({ DATA_DIR: this.dataDir });
    this.fake = new FakeWechatServer({
      appid: this.config.wechat.appid,
      secret: this.config.wechat.secret,
      now: this.clock,
      pay: { ...this.options.pay, merchant: this.config.wechatPay.fake!.merchant },
    });
    await this.fake.start(0);
    ({ client: this.client, transfers: this.transfers, verifier: this.verifier } = createWechatPay(this.config.wechatPay, {
      appid: this.config.wechat.appid,
      fakeApiBase: this.fake.url,
      now: this.clock,
      timeoutMs: this.options.timeoutMs,
    }));
    this.notifyUrl = `${await this.receiver.start()}${this.options.notifyPath}`;
    return this;
  }

  async stop(): Promise<void> {
    await this.fake?.stop();
    await this.receiver.stop();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
