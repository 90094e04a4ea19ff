'use client';

import { Info } from 'lucide-react';
import { Tooltip } from '@/components/ui/tooltip';
import type { KpiDefinition } from '@/lib/reports/definitions';

/** The definition of a figure, on hover and on keyboard focus of the info button, and always in the help panel. */
export function KpiDefinitionTip({ def }: { def: KpiDefinition }) {
  return (
    <span className="inline-flex print:hidden">
      <Tooltip
        content={
          <>
            <span className="block">{def.definition}</span>
            <span className="mt-1.5 block font-mono text-[11px] text-slate-600">{def.formula}</span>
          </>
        }
      >
        <button
          type="button"
          className="rounded p-0.5 text-slate-500 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand"
          aria-label={`Definition of ${def.label}`}
        >
          <Info className="size-3.5" aria-hidden="true" />
        </button>
      </Tooltip>
    </span>
  );
}
