import { DynamicModule, Global, Module } from '@nestjs/common';
import type { WechatPayConfig } from '../../platform/config/app-config';
import { WechatPayClient } from './wechat-pay.client';
import { createWechatPay } from './wechat-pay.factory';
import { WechatPayNotificationVerifier } from './wechat-pay-notification.verifier';
import { WechatTransferClient } from './wechat-transfer.client';

/**
 * Provides WechatPayClient, WechatTransferClient and WechatPayNotificationVerifier for the configured merchant. `fakeApiBase`
 * is the in-process fake WeChat's URL (the same server as the login fake) in fake mode.
 */
@Global()
@Module({})
export class WechatPayModule {
  static forRoot(config: WechatPayConfig, options: { appid: string; fakeApiBase: string | null }): DynamicModule {
    const { client, transfers, verifier } = createWechatPay(config, options);
    return {
      module: WechatPayModule,
      providers: [
        { provide: WechatPayClient, useValue: client },
        { provide: WechatTransferClient, useValue: transfers },
        { provide: WechatPayNotificationVerifier, useValue: verifier },
      ],
      exports: [WechatPayClient, WechatTransferClient, WechatPayNotificationVerifier],
    };
  }
}
