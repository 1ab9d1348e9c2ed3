import { maskPhone, receiverContactAccess, type OrderAddress, type StaffRole } from '../../../shared';
import type { OrderRow } from './order.entity';

/** Stands for the street part of an address a role may not read. */
export const HIDDEN_ADDRESS_DETAIL = '****';

/**
 * An order's receiver as this staff role may see it (receiverContactAccess in shared/roles.ts): the
 * warehouse reads the full phone and address of the orders it ships, the others as their role allows.
 */
export function receiverFor(role: StaffRole, order: OrderRow): OrderAddress {
  const access = receiverContactAccess(role, order.status);
  return {
    recipientName: order.recipientName,
    phone: access.fullPhone ? order.recipientPhone : (maskPhone(order.recipientPhone) ?? ''),
    provinceName: order.provinceName,
    cityName: order.cityName,
    districtName: order.districtName,
    regionCode: order.regionCode,
    detail: access.fullAddress ? order.addressDetail : HIDDEN_ADDRESS_DETAIL,
  };
}

/** 浙江省杭州市西湖区文三路 100 号: the address on one line, as a label carries it. */
export function addressLine(address: OrderAddress): string {
  return `${address.provinceName}${address.cityName}${address.districtName}${address.detail}`;
}
