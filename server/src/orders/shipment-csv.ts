import { HttpStatus } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { ApiException } from '../platform/errors/api-exception';

const MAX_BATCH_ROWS = 1000;
const BATCH_HEADER = ['订单号', '快递公司', '快递单号'];

export interface ShipmentCsvRow {
  line: number;
  orderNo: string;
  carrier: string;
  trackingNo: string;
}

/** Reads the batch file; 400 SHIPMENT_CSV_INVALID when it is not a CSV with the expected header. */
export function parseShipmentCsv(csv: Buffer): ShipmentCsvRow[] {
  const invalid = (message: string) => new ApiException('SHIPMENT_CSV_INVALID', HttpStatus.BAD_REQUEST, message);
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    throw invalid(`发货文件不是有效的 CSV：${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header || BATCH_HEADER.some((name, index) => header[index] !== name)) {
    throw invalid(`发货文件第一行应为：${BATCH_HEADER.join(',')}`);
  }
  if (rows.length === 0) throw invalid('发货文件没有数据行');
  if (rows.length > MAX_BATCH_ROWS) throw invalid(`一次最多发货 ${MAX_BATCH_ROWS} 单`);
  return rows.map((row, index) => ({ line: index + 2, orderNo: row[0] ?? '', carrier: row[1] ?? '', trackingNo: row[2] ?? '' }));
}
