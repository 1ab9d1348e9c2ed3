/** The header the batch-ship upload must start with (shared/api/admin-orders.ts, ship-batch). */
export const SHIPMENT_CSV_HEADER = ['订单号', '快递公司', '快递单号'] as const;

/**
 * A batch-ship CSV to fill in: the header and, when given, one row per order number with carrier and tracking
 * number left blank. UTF-8 with a BOM and CRLF line ends, so Excel opens it with the Chinese header intact.
 */
export function shipmentCsvTemplate(orderNos: readonly string[] = []): string {
  const rows = [SHIPMENT_CSV_HEADER.join(','), ...orderNos.map((orderNo) => `${csvField(orderNo)},,`)];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** Quotes a field only when it needs it (comma, quote, line break), doubling inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
