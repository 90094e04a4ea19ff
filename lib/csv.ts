/**
 * The one CSV writer of the app (every export: reports, jobs…), on papaparse's `unparse`.
 *
 * CSV injection: a cell a spreadsheet would run as a formula (text starting with = + - @, tab, CR or LF; OWASP's list
 * plus LF) gets a leading apostrophe through papaparse's `escapeFormulae`, so it shows as text. The pattern is ours,
 * not papaparse's default `/^[=+\-@\t\r].*$/`: without the `s` flag that one lets "=HYPERLINK(…)\nx" through (`.*`
 * stops at the line break and `$` then fails). Numbers stay numbers (papaparse never escapes them): a negative amount
 * passed as a number is written "-5"; a negative amount already formatted as text ("-$5.00") is escaped like any text.
 *
 * Files start with a BOM and use CRLF line ends: spreadsheet programs need the BOM to read UTF-8 names right.
 */
import Papa from 'papaparse';

export type CsvCell = string | number | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvCell;
}

/** Text a spreadsheet would read as a formula (or that starts with a control character that can hide one). */
export const FORMULA_START = /^[=+\-@\t\r\n]/;

const BOM = '\uFEFF';

/** CSV text of rows (the first row is usually the header). `bom: false` for a string that is not a whole file. */
export function rowsToCsv(rows: readonly (readonly CsvCell[])[], { bom = true }: { bom?: boolean } = {}): string {
  const data = rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v)));
  return (bom ? BOM : '') + Papa.unparse(data, { newline: '\r\n', escapeFormulae: FORMULA_START });
}

/** CSV text of a table: named columns, values already in the units the screen shows. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[], opts?: { bom?: boolean }): string {
  return rowsToCsv([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r)))], opts);
}

/** What a downloaded file is: text/csv in UTF-8. */
export const CSV_MIME = 'text/csv;charset=utf-8';

/** Browser only: saves `text` as a file named `fileName` (a temporary object URL, released after the click). */
export function downloadCsv(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: CSV_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
