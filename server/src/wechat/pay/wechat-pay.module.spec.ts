import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../platform/config/app-config';
import { WechatPayClient } from './wechat-pay.client';
import { WechatPayModule } from './wechat-pay.module';
import { WechatPayNotificationVerifier } from './wechat-pay-notification.verifier';
import { WechatTransferClient } from './wechat-transfer.client';

describe('WechatPayModule', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wechat-pay-module-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('provides the payments and transfers clients and the verifier for the configured merchant', async () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    const moduleRef = await Test.createTestingModule({
      imports: [WechatPayModule.forRoot(config.wechatPay, { appid: config.wechat.appid, fakeApiBase: 'http://127.0.0.1:3001' })],
    }).compile();
    const client = moduleRef.get(WechatPayClient);
    expect(client.requestPaymentParams('wx1').appId).toBe(config.wechat.appid);
    expect(moduleRef.get(WechatPayNotificationVerifier)).toBeInstanceOf(WechatPayNotificationVerifier);
    expect(moduleRef.get(WechatTransferClient)).toBeInstanceOf(WechatTransferClient);
  });

  it('refuses to start without an API base', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(() => WechatPayModule.forRoot(config.wechatPay, { appid: config.wechat.appid, fakeApiBase: null })).toThrow('WECHAT_PAY_API_BASE');
  });
});
