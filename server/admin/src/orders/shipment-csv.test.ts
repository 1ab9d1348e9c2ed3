import { describe, expect, it } from 'vitest';
import { csvField, shipmentCsvTemplate } from './shipment-csv';

describe('shipmentCsvTemplate', () => {
  it('is the header the upload expects, with a BOM for Excel', () => {
    expect(shipmentCsvTemplate()).toBe('\uFEFF订单号,快递公司,快递单号\r\n');
  });

  it('lists the given orders with carrier and tracking number to fill in', () => {
    const lines = shipmentCsvTemplate(['202611221234567890', '202611220000000001']).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toEqual(['订单号,快递公司,快递单号', '202611221234567890,,', '202611220000000001,,', '']);
  });
});

describe('csvField', () => {
  it('quotes only fields that need it', () => {
    expect(csvField('SF123')).toBe('SF123');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
