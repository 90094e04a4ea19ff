'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { PAGE_SIZES, pageCount, rangeLabel } from '@/lib/records/list-params';

/** Previous/next over the API's pages, the recordsTotal it reports, and the page size. */
export function Pager({
  page,
  size,
  shown,
  total,
  onPage,
  onSize,
}: {
  page: number;
  size: number;
  shown: number;
  total: number;
  onPage: (p: number) => void;
  onSize: (s: number) => void;
}) {
  const pages = pageCount(total, size);
  return (
    <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p aria-live="polite">{rangeLabel(page, size, shown, total)}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex shrink-0 items-center gap-2 whitespace-nowrap">
          <span>Per page</span>
          <Select className="h-8 w-20 py-0" value={size} onChange={(e) => onSize(Number(e.target.value))}>
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </label>
        <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <ChevronLeft className="size-4" aria-hidden="true" />
          Previous
        </Button>
        <span className="whitespace-nowrap tabular-nums">
          Page {Math.min(page, pages)} of {pages}
        </span>
        <Button size="sm" variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next
          <ChevronRight className="size-4" aria-hidden="true" />
        </Button>
      </div>
    </nav>
  );
}
