import type { AfterSale, ReturnAddress, Shipment } from '../../../shared';
import { shipmentOf } from '../orders/shipment-view';
import type { AfterSaleRow } from './after-sale.entity';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toAfterSale(row: AfterSaleRow, orderNo: string): AfterSale {
  return {
    id: row.id,
    orderNo,
    type: row.type,
    status: row.status,
    reason: row.reason,
    description: row.description,
    images: row.images,
    refundFen: row.refundFen,
    items: row.lines,
    rejectReason: row.rejectReason,
    returnAddress: returnAddressOf(row),
    returnShipment: returnShipmentOf(row),
    returnReceivedAt: iso(row.returnReceivedAt),
    createdAt: row.createdAt.toISOString(),
    handledAt: iso(row.handledAt),
    refundedAt: iso(row.refundedAt),
  };
}

/** A return address kept as three nullable columns (on an after-sale case, and on the shop profile): all three, or none. */
export function returnAddressOf(row: { returnRecipientName: string | null; returnPhone: string | null; returnAddress: string | null }): ReturnAddress | null {
  if (!row.returnRecipientName || !row.returnPhone || !row.returnAddress) return null;
  return { recipientName: row.returnRecipientName, phone: row.returnPhone, address: row.returnAddress };
}

export function returnShipmentOf(row: AfterSaleRow): Shipment | null {
  return shipmentOf(row.returnCarrierCode, row.returnTrackingNo, row.returnShippedAt);
}
