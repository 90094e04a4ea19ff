'use client';

import { Info } from 'lucide-react';
import { useId, useState } from 'react';
import type { KpiDefinition } from '@/lib/reports/definitions';

/**
 * The definition of a figure, on hover and on keyboard focus of the info button (a tooltip tied with
 * aria-describedby), and always in the help panel.
 */
export function KpiDefinitionTip({ def }: { def: KpiDefinition }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="relative inline-flex print:hidden" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className="rounded p-0.5 text-slate-500 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand"
        aria-label={`Definition of ${def.label}`}
        aria-describedby={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        <Info className="size-3.5" aria-hidden="true" />
      </button>
      <span
        id={id}
        role="tooltip"
        className={`absolute top-6 left-1/2 z-20 w-72 -translate-x-1/2 rounded-md border border-slate-200 bg-white p-3 text-left text-xs font-normal text-slate-700 shadow-lg ${open ? 'block' : 'hidden'}`}
      >
        <span className="block">{def.definition}</span>
        <span className="mt-1.5 block font-mono text-[11px] text-slate-600">{def.formula}</span>
      </span>
    </span>
  );
}
