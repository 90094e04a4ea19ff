/** CSV of any report table: named columns, values already in the units the screen shows (papaparse quotes). */
import Papa from 'papaparse';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  return Papa.unparse({
    fields: columns.map((c) => c.header),
    data: rows.map((r) => columns.map((c) => {
      const v = c.value(r);
      return v === null || v === undefined ? '' : v;
    })),
  });
}

/** "reports-technician-2026-05-01_2026-05-31.csv" */
export function csvFileName(table: string, period: { from: string; to: string }): string {
  return `reports-${table.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${period.from}_${period.to}.csv`;
}
