import { ApiException } from '../platform/errors/api-exception';
import { parseShipmentCsv } from './shipment-csv';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof ApiException ? error.body.code : 'not an ApiException';
  }
  return undefined;
};

describe('parseShipmentCsv', () => {
  it('reads rows with their file line numbers, with or without a BOM, CRLF and padding', () => {
    const csv = '\uFEFF订单号,快递公司,快递单号\r\n 2026112200000001 , 顺丰速运 ,SF123456\r\n\r\n2026112200000002,ZTO,ZT99999\r\n';
    expect(parseShipmentCsv(Buffer.from(csv))).toEqual([
      { line: 2, orderNo: '2026112200000001', carrier: '顺丰速运', trackingNo: 'SF123456' },
      { line: 3, orderNo: '2026112200000002', carrier: 'ZTO', trackingNo: 'ZT99999' },
    ]);
  });

  it('keeps short rows for the caller to report instead of failing the whole file', () => {
    expect(parseShipmentCsv(Buffer.from('订单号,快递公司,快递单号\n2026112200000001\n'))).toEqual([
      { line: 2, orderNo: '2026112200000001', carrier: '', trackingNo: '' },
    ]);
  });

  it('rejects a file with another header, no rows, too many rows, or broken quoting', () => {
    expect(codeOf(() => parseShipmentCsv(Buffer.from('order,carrier,tracking\n1,SF,SF123456\n')))).toBe('SHIPMENT_CSV_INVALID');
    expect(codeOf(() => parseShipmentCsv(Buffer.from('订单号,快递公司,快递单号\n')))).toBe('SHIPMENT_CSV_INVALID');
    const many = ['订单号,快递公司,快递单号', ...Array.from({ length: 1001 }, (_, i) => `${i},SF,SF123456`)].join('\n');
    expect(codeOf(() => parseShipmentCsv(Buffer.from(many)))).toBe('SHIPMENT_CSV_INVALID');
    expect(codeOf(() => parseShipmentCsv(Buffer.from('订单号,快递公司,快递单号\n"unterminated,SF,SF1\n')))).toBe('SHIPMENT_CSV_INVALID');
  });
});
