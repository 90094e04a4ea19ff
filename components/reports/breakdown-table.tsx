'use client';

import Link from 'next/link';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { csvFileName, type CsvColumn } from '@/lib/reports/csv';
import { groupListHref, kpiDrillHref, kpiListHref } from '@/lib/reports/drill-links';
import { formatValue } from '@/lib/reports/format';
import type { Period } from '@/lib/reports/period';
import { DIMENSION_LABELS, type BreakdownRow, type Dimension } from '@/lib/reports/report';
import type { ReportParams } from '@/lib/reports/report-params';
import { CsvButton } from './csv-button';

type Col = {
  header: string;
  unit: Parameters<typeof formatValue>[0];
  get: (r: BreakdownRow) => number | null;
  dims?: Dimension[];
};

const COLS: Col[] = [
  { header: 'Jobs', unit: 'count', get: (r) => r.jobs },
  { header: 'Completed', unit: 'count', get: (r) => r.completed },
  { header: 'Cancelled', unit: 'count', get: (r) => r.cancelled },
  { header: 'On-time start', unit: 'percent', get: (r) => r.onTimeStart },
  { header: 'Duration accuracy', unit: 'percent', get: (r) => r.durationAccuracy },
  { header: 'First-time fix', unit: 'percent', get: (r) => r.firstTimeFix },
  { header: 'Completed / tech-day', unit: 'perDay', get: (r) => r.completedPerTechDay, dims: ['technician', 'team'] },
  { header: 'Hours worked', unit: 'hours', get: (r) => r.hoursWorked, dims: ['technician', 'team'] },
  { header: 'Utilisation', unit: 'percent', get: (r) => r.utilisation, dims: ['technician', 'team'] },
  { header: 'Invoiced revenue', unit: 'money', get: (r) => r.invoicedRevenue, dims: ['customer'] },
];

export function breakdownCsvColumns(dim: Dimension): CsvColumn<BreakdownRow>[] {
  return [
    { header: DIMENSION_LABELS[dim], value: (r) => r.label },
    { header: 'Id', value: (r) => r.key },
    ...COLS.filter((c) => !c.dims || c.dims.includes(dim)).map((c) => ({
      header: c.header,
      value: (r: BreakdownRow) => formatValue(c.unit, c.get(r)),
    })),
  ];
}

/** A breakdown: one row per technician / team / job type / customer; counts drill down to the jobs list. */
export function BreakdownTable({
  dim,
  rows,
  period,
  params,
  limit,
}: {
  dim: Dimension;
  rows: BreakdownRow[];
  period: Period;
  params: ReportParams;
  limit?: number;
}) {
  const cols = COLS.filter((c) => !c.dims || c.dims.includes(dim));
  const shown = limit ? rows.slice(0, limit) : rows;
  const link = (r: BreakdownRow, kpi: 'jobsCompleted' | 'jobsCancelled') =>
    kpiListHref(kpi, period, { dim, key: r.key }) ?? kpiDrillHref(kpi, params, { dim, key: r.key });
  return (
    <section className="space-y-2 break-inside-avoid" aria-labelledby={`bd-${dim}`}>
      <div className="flex items-center justify-between gap-2">
        <h3 id={`bd-${dim}`} className="font-semibold text-slate-900">
          By {DIMENSION_LABELS[dim].toLowerCase()}
        </h3>
        <CsvButton
          columns={breakdownCsvColumns(dim)}
          rows={rows}
          fileName={csvFileName(`by-${dim}`, period)}
          label={`Download the ${DIMENSION_LABELS[dim].toLowerCase()} table as CSV`}
        />
      </div>
      <Table caption={`Figures by ${DIMENSION_LABELS[dim].toLowerCase()}`} captionHidden>
        <THead>
          <Tr>
            <Th>{DIMENSION_LABELS[dim]}</Th>
            {cols.map((c) => (
              <Th key={c.header} className="text-right">
                {c.header}
              </Th>
            ))}
          </Tr>
        </THead>
        <TBody>
          {shown.length === 0 && (
            <Tr>
              <Td colSpan={cols.length + 1} className="text-slate-500">
                Nothing in this period.
              </Td>
            </Tr>
          )}
          {shown.map((r) => {
            const all = groupListHref(dim, r.key, period);
            return (
              <Tr key={String(r.key)}>
                <Th scope="row" className="font-medium normal-case">
                  {all ? (
                    <Link href={all} className="hover:underline">
                      {r.label}
                    </Link>
                  ) : (
                    r.label
                  )}
                </Th>
                {cols.map((c) => {
                  const text = formatValue(c.unit, c.get(r));
                  const href =
                    c.header === 'Completed'
                      ? link(r, 'jobsCompleted')
                      : c.header === 'Cancelled'
                        ? link(r, 'jobsCancelled')
                        : null;
                  return (
                    <Td key={c.header} className="text-right tabular-nums">
                      {href ? (
                        <Link href={href} className="hover:underline">
                          {text}
                        </Link>
                      ) : (
                        text
                      )}
                    </Td>
                  );
                })}
              </Tr>
            );
          })}
        </TBody>
      </Table>
      {limit && rows.length > limit && (
        <p className="text-xs text-slate-500">
          Top {limit} of {rows.length}; the CSV has every row.
        </p>
      )}
    </section>
  );
}
