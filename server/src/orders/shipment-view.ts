import { EXPRESS_COMPANIES, type Shipment } from '../../../shared';

export function carrierName(code: string): string {
  return EXPRESS_COMPANIES.find((company) => company.code === code)?.name ?? code;
}

/** A parcel as the API shows it: the shop's shipment of an order, or the shopper's return of it. */
export function shipmentOf(carrierCode: string | null, trackingNo: string | null, shippedAt: Date | null): Shipment | null {
  if (!carrierCode || !trackingNo || !shippedAt) return null;
  return { carrierCode, carrierName: carrierName(carrierCode), trackingNo, shippedAt: shippedAt.toISOString() };
}
