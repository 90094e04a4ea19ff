'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Printer } from 'lucide-react';
import { Button, buttonClasses } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/components/ui/cn';
import { KPI_DEFINITIONS, MONEY_KPIS, OPERATION_KPIS, type KpiId } from '@/lib/reports/definitions';
import { kpiDrillHref, kpiListHref } from '@/lib/reports/drill-links';
import { periodLabel } from '@/lib/reports/period';
import { progressRatio, progressText } from '@/lib/reports/progress';
import { DIMENSIONS, DIMENSION_LABELS, type Dimension, type Report } from '@/lib/reports/report';
import { parseReportParams, reportSearch, type ReportParams } from '@/lib/reports/report-params';
import type { ReportCost } from '@/lib/reports/payload';
import { reportQuery } from '@/lib/queries/reports';
import { BreakdownTable } from './breakdown-table';
import { HelpPanel } from './help-panel';
import { KpiCard } from './kpi-card';
import { KpiDefinitionsList } from './kpi-definitions-list';
import { AgeingTable, KpiSummaryTable } from './kpi-summary-table';
import { PeriodPicker } from './period-picker';
import { AgeingChart, JobsPerDayChart, LeaderboardChart, RevenueChart } from './report-charts';
import { PrintStyles } from './print-styles';

/** The reports area: period controls, figures, charts, breakdowns; `print` lays the same report out for paper. */
export function ReportsView({ today, print = false }: { today: string; print?: boolean }) {
  const sp = useSearchParams();
  const params = parseReportParams(new URLSearchParams(sp.toString()), today);
  const search = reportSearch(params);
  const q = useQuery(reportQuery(search));
  const answer = q.data;

  return (
    <div className="space-y-6">
      {print && <PrintStyles />}
      <div className="flex flex-wrap items-end justify-between gap-3">
        {print ? (
          <p className="text-sm text-slate-700">
            <span className="font-semibold text-slate-900">{periodLabel(params.period)}</span> compared with{' '}
            {periodLabel(params.previous)} · on-time tolerance {params.toleranceMin} min
          </p>
        ) : (
          <PeriodPicker
            key={`${params.period.from}|${params.period.to}|${params.toleranceMin}`}
            preset={params.preset}
            period={params.period}
            previous={params.previous}
            toleranceMin={params.toleranceMin}
          />
        )}
        <div className="flex gap-2 print:hidden">
          {!print && <HelpPanel toleranceMin={params.toleranceMin} />}
          {print ? (
            <>
              <Link href={`/reports?${search}`} className={buttonClasses('secondary', 'sm')}>
                Back to reports
              </Link>
              <Button size="sm" onClick={() => window.print()}>
                <Printer className="size-4" aria-hidden="true" />
                Print
              </Button>
            </>
          ) : (
            <Link href={`/reports/print?${search}`} className={buttonClasses('secondary', 'sm')}>
              <Printer className="size-4" aria-hidden="true" />
              Print view
            </Link>
          )}
        </div>
      </div>

      {q.isError && <ErrorState error={q.error} onRetry={() => q.refetch()} />}
      {!answer && q.isPending && <LoadingGrid />}
      {answer?.status === 'loading' && (
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" role="status">
          <p className="text-sm text-slate-700">
            Gathering the period’s data through the shared API budget… {progressText(answer.progress)}
          </p>
          <div className="h-2 overflow-hidden rounded bg-slate-100">
            <div
              className="h-full bg-brand transition-[width]"
              style={{ width: `${Math.round(progressRatio(answer.progress) * 100)}%` }}
            />
          </div>
        </div>
      )}
      {answer?.status === 'ready' && (
        <ReportBody
          report={answer.report}
          cost={answer.cost}
          params={params}
          print={print}
          fetching={q.isFetching}
          refreshing={!!answer.refreshing}
        />
      )}
    </div>
  );
}

function LoadingGrid() {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-busy="true" aria-label="Loading the report">
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-28" />
      ))}
    </div>
  );
}

function KpiGrid({ ids, report, params }: { ids: readonly KpiId[]; report: Report; params: ReportParams }) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-4">
      {ids.map((id) => {
        const list = kpiListHref(id, report.period);
        const records = KPI_DEFINITIONS[id].records;
        return (
          <KpiCard
            key={id}
            id={id}
            figure={report.kpis[id]}
            href={list ?? kpiDrillHref(id, params)}
            hrefLabel={list ? 'Open these jobs in the jobs list' : `List the ${records} behind this figure`}
          />
        );
      })}
    </div>
  );
}

function ReportBody({
  report,
  cost,
  params,
  print,
  fetching,
  refreshing,
}: {
  report: Report;
  cost: ReportCost;
  params: ReportParams;
  print: boolean;
  fetching: boolean;
  /** An older report shown while the server computes the newer one (the query asks again shortly). */
  refreshing: boolean;
}) {
  const [dim, setDim] = useState<Dimension>('technician');
  return (
    <div className={cn('space-y-8', fetching && 'opacity-90')}>
      <section aria-labelledby="ops" className="space-y-3">
        <h2 id="ops" className="text-lg font-semibold text-slate-900">
          Operations
        </h2>
        <KpiGrid ids={OPERATION_KPIS} report={report} params={params} />
      </section>
      <section aria-labelledby="money" className="space-y-3">
        <h2 id="money" className="text-lg font-semibold text-slate-900">
          Money
        </h2>
        <KpiGrid ids={MONEY_KPIS} report={report} params={params} />
      </section>
      <section aria-labelledby="charts" className="space-y-3">
        <h2 id="charts" className="text-lg font-semibold text-slate-900">
          Charts
        </h2>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 print:grid-cols-2">
          <JobsPerDayChart data={report.jobsPerDay} />
          <LeaderboardChart rows={report.breakdowns.technician} />
          <RevenueChart data={report.revenueByWeek} />
          <AgeingChart rows={report.ageing} />
        </div>
      </section>
      <section aria-labelledby="breakdowns" className="space-y-3">
        <h2 id="breakdowns" className="text-lg font-semibold text-slate-900">
          Breakdowns
        </h2>
        {print ? (
          DIMENSIONS.map((d) => (
            <BreakdownTable
              key={d}
              dim={d}
              rows={report.breakdowns[d]}
              period={report.period}
              params={params}
              limit={d === 'customer' ? 25 : undefined}
            />
          ))
        ) : (
          <>
            <div role="group" aria-label="Break down by" className="flex flex-wrap gap-1">
              {DIMENSIONS.map((d) => (
                <Button
                  key={d}
                  size="sm"
                  variant={d === dim ? 'primary' : 'secondary'}
                  aria-pressed={d === dim}
                  onClick={() => setDim(d)}
                >
                  {DIMENSION_LABELS[d]}
                </Button>
              ))}
            </div>
            <BreakdownTable dim={dim} rows={report.breakdowns[dim]} period={report.period} params={params} />
          </>
        )}
      </section>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[3fr_2fr] print:grid-cols-1">
        <KpiSummaryTable report={report} />
        <AgeingTable report={report} />
      </div>
      {print && (
        <section aria-labelledby="defs" className="space-y-3 break-before-page">
          <h2 id="defs" className="text-lg font-semibold text-slate-900">
            Definitions
          </h2>
          <KpiDefinitionsList toleranceMin={params.toleranceMin} />
        </section>
      )}
      <CostNote cost={cost} report={report} refreshing={refreshing} />
    </div>
  );
}

function CostNote({ cost, report, refreshing }: { cost: ReportCost; report: Report; refreshing: boolean }) {
  const loaded = new Date(cost.loadedAt).toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit' });
  return (
    <p className="text-xs text-slate-500" data-testid="report-cost">
      {cost.cached ? 'Served from the server cache' : 'Freshly read'}: data loaded at {loaded} with {cost.loadCalls} API
      calls in {(cost.loadMs / 1000).toFixed(1)} s (this period and the previous one)
      {cost.checkCalls ? `, ${cost.checkCalls} change checks since` : ''}; computed in {cost.computeMs} ms.{' '}
      {report.technicians} technicians, {report.workingDays} working days.
      {refreshing && <span role="status"> Updating to the latest data…</span>}
    </p>
  );
}
