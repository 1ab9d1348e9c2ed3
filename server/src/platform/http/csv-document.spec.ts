import { csvDocument, spreadsheetSafeCell } from './csv-document';

describe('spreadsheetSafeCell', () => {
  it.each(['=1+2', '+8613800000000', '-2+3', '@SUM(A1)', '\t=1', '\r=1', "=HYPERLINK(\"http://x\")", '-cmd|calc'])('neutralises %j', (cell) => {
    expect(spreadsheetSafeCell(cell)).toBe(`'${cell}`);
  });

  it.each([['张三'], ['a=b'], ['12.50'], ['-12.50'], ['0'], [''], ['138****0000']])('leaves %j as it is', (cell) => {
    expect(spreadsheetSafeCell(cell)).toBe(cell);
  });

  it('leaves numbers as numbers', () => {
    expect(spreadsheetSafeCell(-5)).toBe(-5);
    expect(spreadsheetSafeCell(12)).toBe(12);
  });
});

describe('csvDocument', () => {
  it('writes a BOM, the header and safe cells, quoted where CSV needs it', () => {
    expect(csvDocument(['昵称', '金额'], [['=1+2', '-3.00'], ['a,b', 4]])).toBe("\uFEFF昵称,金额\n'=1+2,-3.00\n\"a,b\",4\n");
  });
});
