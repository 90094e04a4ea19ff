'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { buttonClasses } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { csvFileName, type CsvColumn } from '@/lib/reports/csv';
import { KPI_DEFINITIONS } from '@/lib/reports/definitions';
import { documentHref, jobHref, kpiListHref } from '@/lib/reports/drill-links';
import type { DocDrillRow, JobDrillRow } from '@/lib/reports/drill';
import { formatValue } from '@/lib/reports/format';
import { periodLabel } from '@/lib/reports/period';
import { progressText } from '@/lib/reports/progress';
import { DIMENSION_LABELS } from '@/lib/reports/report';
import { parseDrill, parseReportParams, reportSearch } from '@/lib/reports/report-params';
import { drillQuery } from '@/lib/queries/reports';
import { CsvButton } from './csv-button';

const JOB_COLS: CsvColumn<JobDrillRow>[] = [
  { header: 'Job', value: (r) => r.num },
  { header: 'Status', value: (r) => r.status },
  { header: 'Customer', value: (r) => r.customer },
  { header: 'Technician', value: (r) => r.technician },
  { header: 'Job type', value: (r) => r.type },
  { header: 'Created', value: (r) => r.created },
  { header: 'Scheduled start', value: (r) => r.scheduledStart },
  { header: 'Actual start', value: (r) => r.actualStart },
  { header: 'Actual end', value: (r) => r.actualEnd },
  { header: 'How it counts', value: (r) => r.detail },
];
const KIND = { invoice: 'Invoice', quotation: 'Quotation', creditnote: 'Credit note' } as const;
const DOC_COLS: CsvColumn<DocDrillRow>[] = [
  { header: 'Kind', value: (r) => KIND[r.kind] },
  { header: 'Number', value: (r) => r.num },
  { header: 'Reference', value: (r) => r.reference },
  { header: 'Status', value: (r) => r.status },
  { header: 'Customer', value: (r) => r.customer },
  { header: 'Created', value: (r) => r.created },
  { header: 'Paid on', value: (r) => r.paymentDate },
  { header: 'Before tax', value: (r) => formatValue('money', r.subtotal) },
  { header: 'Total', value: (r) => formatValue('money', r.total) },
  { header: 'How it counts', value: (r) => r.detail },
];

/** The exact records behind one figure, each linked to its page, with CSV. */
export function DrillView({ today }: { today: string }) {
  const sp = new URLSearchParams(useSearchParams().toString());
  const params = parseReportParams(sp, today);
  const target = parseDrill(sp);
  const search = target ? reportSearch(params, { kpi: target.kpi, dim: target.dim, key: target.key ?? undefined }) : '';
  const q = useQuery({ ...drillQuery(search), enabled: !!target });
  if (!target) return <ErrorState error={new Error('This link does not name a report figure.')} />;
  const def = KPI_DEFINITIONS[target.kpi];
  const group = target.dim ? `${DIMENSION_LABELS[target.dim]} ${target.key ?? '(none)'}` : null;
  const list = kpiListHref(target.kpi, params.period, target.dim ? { dim: target.dim, key: target.key } : undefined);
  const answer = q.data;
  const cols = answer?.status === 'ready' && answer.drill.records === 'documents' ? DOC_COLS : JOB_COLS;
  return (
    <>
      <PageHeader
        title={def.label}
        description={`${periodLabel(params.period)}${group ? ` · ${group}` : ''} · ${def.definition}`}
        actions={
          <>
            <Link href={`/reports?${reportSearch(params)}`} className={buttonClasses('secondary', 'sm')}>
              Back to reports
            </Link>
            {list && (
              <Link href={list} className={buttonClasses('secondary', 'sm')}>
                Open in the jobs list
              </Link>
            )}
          </>
        }
      />
      {q.isError && <ErrorState error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending && <Skeleton className="h-64" />}
      {answer?.status === 'loading' && (
        <p role="status" className="text-sm text-slate-700">
          {progressText(answer.progress)}
        </p>
      )}
      {answer?.status === 'ready' && (
        <section className="space-y-2">
          <div className="flex items-center justify-between">
            <p className="text-sm text-slate-700">
              {answer.drill.rows.length} records · <span className="font-mono text-xs">{def.formula}</span>
            </p>
            <CsvButton
              columns={cols as CsvColumn<JobDrillRow | DocDrillRow>[]}
              rows={answer.drill.rows}
              fileName={csvFileName(target.kpi, params.period)}
              label={`Download the records behind ${def.label} as CSV`}
            />
          </div>
          <Table caption={`Records behind ${def.label}`} captionHidden>
            <THead>
              <Tr>
                {cols.map((c) => (
                  <Th key={c.header}>{c.header}</Th>
                ))}
              </Tr>
            </THead>
            <TBody>
              {answer.drill.rows.length === 0 && (
                <Tr>
                  <Td colSpan={cols.length} className="text-slate-500">
                    No records behind this figure in the period.
                  </Td>
                </Tr>
              )}
              {answer.drill.records === 'jobs'
                ? answer.drill.rows.map((r) => (
                    <Tr key={r.id}>
                      {JOB_COLS.map((c, i) => (
                        <Td key={c.header} className="whitespace-nowrap">
                          {i === 0 ? (
                            <Link className="font-medium text-brand hover:underline" href={jobHref(r.id)}>
                              {r.num}
                            </Link>
                          ) : (
                            c.value(r)
                          )}
                        </Td>
                      ))}
                    </Tr>
                  ))
                : answer.drill.rows.map((r) => (
                    <Tr key={`${r.kind}-${r.id}`}>
                      {DOC_COLS.map((c, i) => (
                        <Td key={c.header} className="whitespace-nowrap">
                          {i === 1 ? (
                            <Link className="font-medium text-brand hover:underline" href={documentHref(r.kind, r.id)}>
                              {r.num}
                            </Link>
                          ) : (
                            c.value(r)
                          )}
                        </Td>
                      ))}
                    </Tr>
                  ))}
            </TBody>
          </Table>
        </section>
      )}
    </>
  );
}
