import type { ShopSettings } from '@shared/api/orders';
import { formatYuan } from '@shared/money';
import { fenToYuanText, yuanTextToFen } from '@/common/money-text';

/** The settings form holds yuan text as typed; the API holds integer fen. */
export interface ShopSettingsFormValues {
  shippingFee: string;
  /** Blank: no free-shipping threshold. */
  freeShippingThreshold: string;
  unpaidTimeoutMinutes: number;
  autoConfirmDays: number;
}

/** Bounds the server accepts (shared/api/orders.ts, ShopSettings). */
export const UNPAID_TIMEOUT_MINUTES = { min: 5, max: 1440 } as const;
export const AUTO_CONFIRM_DAYS = { min: 1, max: 30 } as const;

export function settingsToForm(settings: ShopSettings): ShopSettingsFormValues {
  return {
    shippingFee: fenToYuanText(settings.shippingFeeFen),
    freeShippingThreshold: fenToYuanText(settings.freeShippingThresholdFen),
    unpaidTimeoutMinutes: settings.unpaidTimeoutMinutes,
    autoConfirmDays: settings.autoConfirmDays,
  };
}

export function formToSettings(values: ShopSettingsFormValues): ShopSettings {
  return {
    // Required by the form rule; a blank fee would have been refused before this point.
    shippingFeeFen: yuanTextToFen(values.shippingFee) ?? 0,
    freeShippingThresholdFen: yuanTextToFen(values.freeShippingThreshold),
    unpaidTimeoutMinutes: values.unpaidTimeoutMinutes,
    autoConfirmDays: values.autoConfirmDays,
  };
}

/** The rule as shoppers will meet it, e.g. "运费 ¥8.00，满 ¥99.00 包邮". */
export function shippingRuleText(settings: Pick<ShopSettings, 'shippingFeeFen' | 'freeShippingThresholdFen'>): string {
  if (settings.shippingFeeFen === 0) return '全场包邮';
  const fee = `运费 ${formatYuan(settings.shippingFeeFen)}`;
  return settings.freeShippingThresholdFen === null
    ? `${fee}，不设包邮门槛`
    : `${fee}，满 ${formatYuan(settings.freeShippingThresholdFen)} 包邮`;
}
