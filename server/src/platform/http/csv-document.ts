import { applyDecorators, Header } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';

/** A cell Excel or WPS would read as a formula (or a DDE command) when it starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number (e.g. a refund "-12.50") is not a formula and stays a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Makes a cell safe to open in a spreadsheet: text that starts like a formula (`=1+2`, `+86…`, `@SUM(…)`,
 * `-2+3`) gets a leading apostrophe, which spreadsheets read as "this is text" and do not show. Numbers and
 * plain decimal strings are left as they are, so money and counts stay numbers.
 */
export function spreadsheetSafeCell(value: unknown): unknown {
  if (typeof value !== 'string' || !FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/**
 * The one way the API writes a CSV download: UTF-8 with a BOM (so Excel reads the Chinese), a header line,
 * and every cell passed through spreadsheetSafeCell (shoppers choose their nickname and recipient name).
 */
export function csvDocument(header: string[], lines: unknown[][]): string {
  return '\uFEFF' + stringify([header, ...lines.map((line) => line.map(spreadsheetSafeCell))]);
}

/**
 * Marks a route as a CSV download saved as `fileName` (Chinese names are sent as RFC 5987 filename*, with an
 * ASCII fallback). Should the route fail, the error filter answers JSON without these headers.
 */
export function CsvDownload(asciiName: string, fileName: string): MethodDecorator {
  return applyDecorators(
    Header('content-type', 'text/csv; charset=utf-8'),
    Header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`),
  );
}
