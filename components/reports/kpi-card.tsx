'use client';

import Link from 'next/link';
import { KPI_DEFINITIONS, type KpiId } from '@/lib/reports/definitions';
import { formatDelta, formatValue } from '@/lib/reports/format';
import type { KpiFigure } from '@/lib/reports/report';
import { cn } from '@/components/ui/cn';
import { KpiDefinitionTip } from './kpi-definition';

const TONE = { good: 'text-emerald-700', bad: 'text-red-700', neutral: 'text-slate-600' } as const;

/** One figure: label with its definition, the value (a link to the records behind it), the comparison. */
export function KpiCard({
  id,
  figure,
  href,
  hrefLabel,
}: {
  id: KpiId;
  figure: KpiFigure;
  href: string;
  hrefLabel: string;
}) {
  const def = KPI_DEFINITIONS[id];
  const delta = formatDelta(def, figure.value, figure.previous);
  const value = formatValue(def.unit, figure.value);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid" data-kpi={id}>
      <div className="flex items-start gap-1 text-sm font-medium text-slate-700">
        <h3 className="min-w-0">{def.label}</h3>
        <KpiDefinitionTip def={def} />
      </div>
      <p className="mt-2 text-2xl font-semibold tabular-nums text-slate-900">
        <Link
          href={href}
          className="rounded hover:underline focus-visible:outline-2 focus-visible:outline-brand"
          aria-label={`${def.label}: ${value}. ${hrefLabel}`}
        >
          {value}
        </Link>
      </p>
      <p className="mt-1 min-h-5 text-xs">
        {def.snapshot ? (
          <span className="text-slate-500">Now</span>
        ) : delta ? (
          <span className={cn('font-medium', TONE[delta.tone])} aria-label={delta.label}>
            {delta.text} <span className="font-normal text-slate-500">vs {formatValue(def.unit, figure.previous)}</span>
          </span>
        ) : (
          <span className="text-slate-500">Previous: {formatValue(def.unit, figure.previous)}</span>
        )}
      </p>
    </div>
  );
}
