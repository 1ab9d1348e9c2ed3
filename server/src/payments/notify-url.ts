import type { AppConfig } from '../platform/config/app-config';

/** Where WeChat Pay posts payment and refund notifications (WechatPayNotifyController). */
export const WECHAT_PAY_NOTIFY_PATH = '/api/v1/payments/wechat-pay/notify';

export function wechatPayNotifyUrl(config: AppConfig): string {
  return `${config.wechatPay.publicBaseUrl}${WECHAT_PAY_NOTIFY_PATH}`;
}
