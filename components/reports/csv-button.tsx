'use client';

import { Download } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';
import { downloadCsv, toCsv, type CsvColumn } from '@/lib/csv';

/** Downloads a table as CSV, built in the browser from the rows already on screen (no upstream call). */
export function CsvButton<T>({
  columns,
  rows,
  fileName,
  label,
}: {
  columns: CsvColumn<T>[];
  rows: T[];
  fileName: string;
  label: string;
}) {
  function download() {
    downloadCsv(toCsv(columns, rows), fileName);
  }
  return (
    <button
      type="button"
      onClick={download}
      className={buttonClasses('secondary', 'sm', 'print:hidden')}
      aria-label={label}
    >
      <Download className="size-4" aria-hidden="true" />
      CSV
    </button>
  );
}
