import type { AdminShopProfile } from '@shared/api/shop';

/** The profile form: every text as typed (blank for none), the return address as three fields. */
export interface ShopProfileFormValues {
  shopName: string;
  logoUrl: string;
  servicePhone: string;
  serviceHours: string;
  announcement: string;
  returnRecipientName: string;
  returnPhone: string;
  returnAddress: string;
}

/** Digits, spaces, + and - (5–20), as the server accepts for both phones. */
export const SHOP_PHONE_PATTERN = /^[0-9+\- ]{5,20}$/;

export function profileToForm(profile: AdminShopProfile): ShopProfileFormValues {
  return {
    shopName: profile.shopName,
    logoUrl: profile.logoUrl ?? '',
    servicePhone: profile.servicePhone ?? '',
    serviceHours: profile.serviceHours ?? '',
    announcement: profile.announcement ?? '',
    returnRecipientName: profile.returnAddress?.recipientName ?? '',
    returnPhone: profile.returnAddress?.phone ?? '',
    returnAddress: profile.returnAddress?.address ?? '',
  };
}

/** Blank optional texts are sent as null; the return address is all three fields or none. */
export function formToProfile(values: ShopProfileFormValues): AdminShopProfile {
  const text = (value: string | undefined) => (value && value.trim() ? value.trim() : null);
  const returnParts = [values.returnRecipientName, values.returnPhone, values.returnAddress].map(text);
  return {
    shopName: values.shopName.trim(),
    logoUrl: text(values.logoUrl),
    servicePhone: text(values.servicePhone),
    serviceHours: text(values.serviceHours),
    announcement: text(values.announcement),
    returnAddress: returnParts.every((part) => part !== null)
      ? { recipientName: returnParts[0]!, phone: returnParts[1]!, address: returnParts[2]! }
      : null,
  };
}

/** The return address is all or nothing: a half-filled one would leave 退货退款 without a complete address. */
export function returnAddressProblem(values: Pick<ShopProfileFormValues, 'returnRecipientName' | 'returnPhone' | 'returnAddress'>): string | null {
  const filled = [values.returnRecipientName, values.returnPhone, values.returnAddress].filter((part) => part && part.trim()).length;
  return filled === 0 || filled === 3 ? null : '退货地址的收件人、电话和地址要么都填，要么都不填';
}

/** The profile as shoppers will meet it, in one line above the form. */
export function profileSummary(profile: AdminShopProfile): string {
  const service = profile.servicePhone ? `客服 ${profile.servicePhone}${profile.serviceHours ? `（${profile.serviceHours}）` : ''}` : '未设置客服电话';
  const announcement = profile.announcement ? `公告「${profile.announcement}」` : '首页不显示公告';
  return `${profile.shopName} · ${service} · ${announcement} · ${profile.returnAddress ? '已设置退货地址' : '未设置退货地址'}`;
}
