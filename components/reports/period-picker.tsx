'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { PERIOD_PRESETS, PRESET_LABELS, periodLabel, type Period } from '@/lib/reports/period';
import { DEFAULT_TOLERANCE, MAX_TOLERANCE } from '@/lib/reports/report-params';
import { useReportUrlState } from './report-url-state';

/**
 * Period preset, custom days, on-time tolerance: all in the URL, so a report is a link. The parent keys this component
 * by the applied values, so the inputs start again from the URL after every change.
 */
export function PeriodPicker({
  preset,
  period,
  previous,
  toleranceMin,
}: {
  preset: string;
  period: Period;
  previous: Period;
  toleranceMin: number;
}) {
  const [, setUrl] = useReportUrlState();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [tol, setTol] = useState(String(toleranceMin));

  return (
    <div className="flex flex-wrap items-end gap-3 print:hidden">
      <div className="space-y-1">
        <label htmlFor="report-period" className="block text-sm font-medium text-slate-800">
          Period
        </label>
        <Select
          id="report-period"
          value={preset}
          onChange={(e) => {
            const v = e.target.value;
            void setUrl(
              v === 'custom' ? { period: v, from: period.from, to: period.to } : { period: v, from: null, to: null },
            );
          }}
        >
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
        </Select>
      </div>
      {preset === 'custom' && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void setUrl({ period: 'custom', from, to });
          }}
        >
          <div className="space-y-1">
            <label htmlFor="report-from" className="block text-sm font-medium text-slate-800">
              From
            </label>
            <Input id="report-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
          </div>
          <div className="space-y-1">
            <label htmlFor="report-to" className="block text-sm font-medium text-slate-800">
              To
            </label>
            <Input id="report-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
          </div>
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        </form>
      )}
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Math.max(0, Math.min(MAX_TOLERANCE, Math.round(Number(tol) || 0)));
          void setUrl({ tol: n === DEFAULT_TOLERANCE ? null : String(n) });
        }}
      >
        <div className="space-y-1">
          <label htmlFor="report-tol" className="block text-sm font-medium text-slate-800">
            On-time tolerance (min)
          </label>
          <Input
            id="report-tol"
            type="number"
            min={0}
            max={MAX_TOLERANCE}
            step={1}
            value={tol}
            onChange={(e) => setTol(e.target.value)}
            className="w-28"
          />
        </div>
        <Button type="submit" variant="secondary">
          Set
        </Button>
      </form>
      <p className="pb-2 text-sm text-slate-600" aria-live="polite">
        <span className="font-medium text-slate-900">{periodLabel(period)}</span> compared with {periodLabel(previous)}
      </p>
    </div>
  );
}
