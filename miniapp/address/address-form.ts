import type { Address, SaveAddressRequest } from '@shared/api/addresses';
import { REGION_CODE_PATTERN } from '@shared/api/addresses';
import { CHINA_MOBILE_PATTERN } from '@shared/phone';

export const RECIPIENT_NAME_MAX_LENGTH = 20;
export const ADDRESS_DETAIL_MAX_LENGTH = 120;

export type AddressForm = SaveAddressRequest & { isDefault: boolean };

export const EMPTY_ADDRESS_FORM: AddressForm = {
  recipientName: '',
  phone: '',
  provinceName: '',
  cityName: '',
  districtName: '',
  regionCode: '',
  detail: '',
  isDefault: false,
};

export function formOf(address: Address): AddressForm {
  const { id: _id, ...form } = address;
  return form;
}

/** The first problem with the form, in the words the shopper sees, or null when it can be saved. */
export function validateAddressForm(form: AddressForm): string | null {
  const name = form.recipientName.trim();
  if (!name) return '请填写收货人姓名';
  if (name.length > RECIPIENT_NAME_MAX_LENGTH) return `收货人姓名最多 ${RECIPIENT_NAME_MAX_LENGTH} 个字`;
  if (!CHINA_MOBILE_PATTERN.test(form.phone.trim())) return '请填写正确的 11 位手机号';
  if (!REGION_CODE_PATTERN.test(form.regionCode) || !form.districtName) return '请选择所在地区';
  const detail = form.detail.trim();
  if (!detail) return '请填写详细地址';
  if (detail.length > ADDRESS_DETAIL_MAX_LENGTH) return `详细地址最多 ${ADDRESS_DETAIL_MAX_LENGTH} 个字`;
  return null;
}

/** What is sent to the server: the form with surrounding spaces removed. */
export function toSaveRequest(form: AddressForm): SaveAddressRequest {
  return {
    ...form,
    recipientName: form.recipientName.trim(),
    phone: form.phone.trim(),
    detail: form.detail.trim(),
  };
}
