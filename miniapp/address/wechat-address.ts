import type { WechatAddress } from '@/platform/types';
import type { AddressForm } from './address-form';
import { districtCodeOf, regionNames } from './region';

/**
 * An address picked from WeChat's address book (一键导入微信地址) as our form: the region by WeChat's county
 * code when our region data knows it, else by its names. When neither matches (a renamed district), the
 * region is left for the shopper to pick and `regionMissing` says so. The default-address switch is kept.
 */
export function formFromWechatAddress(current: AddressForm, picked: WechatAddress): { form: AddressForm; regionMissing: boolean } {
  const names = { provinceName: picked.provinceName, cityName: picked.cityName, districtName: picked.countyName };
  const regionCode = regionNames(picked.nationalCode) ? picked.nationalCode : districtCodeOf(names);
  const street = picked.streetName && !picked.detailInfo.startsWith(picked.streetName) ? picked.streetName : '';
  const form: AddressForm = {
    ...current,
    recipientName: picked.userName.trim(),
    phone: picked.telNumber.replace(/[\s-]/g, '').replace(/^\+?86/, ''),
    detail: `${street}${picked.detailInfo}`.trim(),
    ...(regionCode
      ? { ...regionNames(regionCode)!, regionCode }
      : { provinceName: '', cityName: '', districtName: '', regionCode: '' }),
  };
  return { form, regionMissing: regionCode === null };
}
