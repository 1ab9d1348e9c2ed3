import type { Address } from '@shared/api/addresses';

/** One line of the full address, e.g. 浙江省杭州市西湖区 文三路 1 号. */
export function fullAddress(address: Pick<Address, 'provinceName' | 'cityName' | 'districtName' | 'detail'>): string {
  // 直辖市: the province and the city carry the same name (北京市北京市 reads wrong).
  const city = address.cityName === address.provinceName ? '' : address.cityName;
  return `${address.provinceName}${city}${address.districtName} ${address.detail}`;
}
