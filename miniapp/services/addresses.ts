import type { Address, SaveAddressRequest } from '@shared/api/addresses';
import { request } from './request';

export function listAddresses(): Promise<Address[]> {
  return request<Address[]>('/addresses', { toast: false });
}

export function createAddress(body: SaveAddressRequest): Promise<Address> {
  return request<Address>('/addresses', { method: 'POST', body });
}

export function updateAddress(id: number, body: SaveAddressRequest): Promise<Address> {
  return request<Address>(`/addresses/${id}`, { method: 'PUT', body });
}

export function deleteAddress(id: number): Promise<void> {
  return request<void>(`/addresses/${id}`, { method: 'DELETE' });
}

export function makeDefaultAddress(id: number): Promise<Address> {
  return request<Address>(`/addresses/${id}/default`, { method: 'POST' });
}
