import { KPI_DEFINITIONS, MONEY_KPIS, OPERATION_KPIS } from '@/lib/reports/definitions';

/** The definitions as a description list (help panel and print view). */
export function KpiDefinitionsList({ toleranceMin }: { toleranceMin: number }) {
  return (
    <div className="space-y-5 text-sm">
      <p className="text-slate-600">
        “In the period” means what the jobs list’s date filter selects: the job’s actual start → end when known, else
        its scheduled start → end, overlaps the period’s days. On-time tolerance now: {toleranceMin} min. Figures marked
        “Now” describe today and are not compared.
      </p>
      {[
        ['Operations', OPERATION_KPIS],
        ['Money', MONEY_KPIS],
      ].map(([title, ids]) => (
        <section key={title as string}>
          <h3 className="mb-2 font-semibold text-slate-900">{title as string}</h3>
          <dl className="space-y-3">
            {(ids as typeof OPERATION_KPIS).map((id) => (
              <div key={id} className="break-inside-avoid">
                <dt className="font-medium text-slate-900">{KPI_DEFINITIONS[id].label}</dt>
                <dd className="text-slate-700">{KPI_DEFINITIONS[id].definition}</dd>
                <dd className="font-mono text-xs text-slate-600">{KPI_DEFINITIONS[id].formula}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
