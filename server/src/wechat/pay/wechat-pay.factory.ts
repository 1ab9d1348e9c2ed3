import type { WechatPayConfig } from '../../platform/config/app-config';
import { WechatPayClient } from './wechat-pay.client';
import { WechatPayNotificationVerifier } from './wechat-pay-notification.verifier';
import { WechatTransferClient } from './wechat-transfer.client';

/**
 * The payments client, the transfers client (over the same signed calls) and the notification verifier for
 * the configured merchant. `fakeApiBase` is the in-process fake's URL, used in fake mode when
 * WECHAT_PAY_API_BASE is not set; `timeoutMs` bounds each call (10 s by default).
 */
export function createWechatPay(
  config: WechatPayConfig,
  options: { appid: string; fakeApiBase: string | null; now?: () => number; timeoutMs?: number },
): { client: WechatPayClient; transfers: WechatTransferClient; verifier: WechatPayNotificationVerifier } {
  const apiBase = config.apiBase ?? options.fakeApiBase;
  if (!apiBase) throw new Error('WeChat Pay has no API base: set WECHAT_PAY_API_BASE or start the fake');
  const platformPublicKeys = { [config.platformSerial]: config.platformPublicKeyPem };
  const client = new WechatPayClient({
    apiBase,
    appid: options.appid,
    mchid: config.mchid,
    merchantSerial: config.merchantSerial,
    merchantPrivateKey: config.merchantPrivateKeyPem,
    platformPublicKeys,
    now: options.now,
    timeoutMs: options.timeoutMs,
  });
  return {
    client,
    transfers: new WechatTransferClient(client),
    verifier: new WechatPayNotificationVerifier({ apiV3Key: config.apiV3Key, platformPublicKeys, now: options.now }),
  };
}
