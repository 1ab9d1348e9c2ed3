import type { PickingListOrder } from '@shared/api/admin-orders';
import { http, requestFile } from '@/api/client';

export function fetchPickingList(orderNos: string[]): Promise<PickingListOrder[]> {
  return http.get<PickingListOrder[]>('/orders/picking-list', { orderNos: orderNos.join(',') });
}

/** Every paid order with what a label needs; fill in 快递公司 and 快递单号 and upload it to 批量发货. */
export function exportOrdersToShip() {
  return requestFile('/orders/to-ship.csv');
}
