'use client';

import { Download } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';
import { toCsv, type CsvColumn } from '@/lib/reports/csv';

/** Downloads a table as CSV, built in the browser from the rows already on screen (no upstream call). */
export function CsvButton<T>({ columns, rows, fileName, label }: { columns: CsvColumn<T>[]; rows: T[]; fileName: string; label: string }) {
  function download() {
    const blob = new Blob(['\ufeff', toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
  return (
    <button type="button" onClick={download} className={buttonClasses('secondary', 'sm', 'print:hidden')} aria-label={label}>
      <Download className="size-4" aria-hidden="true" />
      CSV
    </button>
  );
}
