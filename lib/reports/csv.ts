/** File names of the report tables' CSV downloads (the writer is lib/csv.ts, shared by every export). */
export type { CsvColumn } from '../csv';

/** "reports-technician-2026-05-01_2026-05-31.csv" */
export function csvFileName(table: string, period: { from: string; to: string }): string {
  return `reports-${table.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${period.from}_${period.to}.csv`;
}
