'use client';

import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { csvFileName, type CsvColumn } from '@/lib/reports/csv';
import { KPI_DEFINITIONS, KPI_IDS, type KpiId } from '@/lib/reports/definitions';
import { formatDelta, formatValue } from '@/lib/reports/format';
import type { Report } from '@/lib/reports/report';
import { AGEING_LABELS } from '@/lib/reports/money-metrics';
import { CsvButton } from './csv-button';

type Row = { id: KpiId; value: number | null; previous: number | null; count: number };

const columns: CsvColumn<Row>[] = [
  { header: 'Figure', value: (r) => KPI_DEFINITIONS[r.id].label },
  { header: 'Value', value: (r) => formatValue(KPI_DEFINITIONS[r.id].unit, r.value) },
  {
    header: 'Previous period',
    value: (r) => (KPI_DEFINITIONS[r.id].snapshot ? 'now' : formatValue(KPI_DEFINITIONS[r.id].unit, r.previous)),
  },
  { header: 'Change', value: (r) => formatDelta(KPI_DEFINITIONS[r.id], r.value, r.previous)?.text ?? '' },
  { header: 'Records', value: (r) => r.count },
  { header: 'Definition', value: (r) => KPI_DEFINITIONS[r.id].definition },
  { header: 'Formula', value: (r) => KPI_DEFINITIONS[r.id].formula },
];

/** Every figure in one table (the CSV carries the definitions too). */
export function KpiSummaryTable({ report }: { report: Report }) {
  const rows: Row[] = KPI_IDS.map((id) => ({ id, ...report.kpis[id] }));
  return (
    <section className="space-y-2 break-inside-avoid" aria-labelledby="all-figures">
      <div className="flex items-center justify-between">
        <h2 id="all-figures" className="text-lg font-semibold text-slate-900">
          All figures
        </h2>
        <CsvButton
          columns={columns}
          rows={rows}
          fileName={csvFileName('figures', report.period)}
          label="Download all figures as CSV"
        />
      </div>
      <Table caption="All figures with the previous period" captionHidden>
        <THead>
          <Tr>
            <Th>Figure</Th>
            <Th className="text-right">Value</Th>
            <Th className="text-right">Previous</Th>
            <Th className="text-right">Change</Th>
            <Th className="text-right">Records</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((r) => {
            const d = KPI_DEFINITIONS[r.id];
            return (
              <Tr key={r.id}>
                <Th scope="row" className="font-medium normal-case">
                  {d.label}
                </Th>
                <Td className="text-right tabular-nums">{formatValue(d.unit, r.value)}</Td>
                <Td className="text-right tabular-nums">{d.snapshot ? 'now' : formatValue(d.unit, r.previous)}</Td>
                <Td className="text-right tabular-nums">{formatDelta(d, r.value, r.previous)?.text ?? '—'}</Td>
                <Td className="text-right tabular-nums">{r.count}</Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </section>
  );
}

type AgeRow = Report['ageing'][number];
const ageColumns: CsvColumn<AgeRow>[] = [
  { header: 'Days overdue', value: (r) => AGEING_LABELS[r.bucket] },
  { header: 'Invoices', value: (r) => r.count },
  { header: 'Amount (tax included)', value: (r) => formatValue('money', r.amount) },
];

export function AgeingTable({ report }: { report: Report }) {
  return (
    <section className="space-y-2 break-inside-avoid" aria-labelledby="ageing">
      <div className="flex items-center justify-between">
        <h3 id="ageing" className="font-semibold text-slate-900">
          Overdue ageing (now)
        </h3>
        <CsvButton
          columns={ageColumns}
          rows={report.ageing}
          fileName={csvFileName('ageing', report.period)}
          label="Download the ageing table as CSV"
        />
      </div>
      <Table caption="Overdue invoices by days overdue" captionHidden>
        <THead>
          <Tr>
            <Th>Days overdue</Th>
            <Th className="text-right">Invoices</Th>
            <Th className="text-right">Amount</Th>
          </Tr>
        </THead>
        <TBody>
          {report.ageing.map((r) => (
            <Tr key={r.bucket}>
              <Th scope="row" className="font-medium normal-case">
                {r.label}
              </Th>
              <Td className="text-right tabular-nums">{r.count}</Td>
              <Td className="text-right tabular-nums">{formatValue('money', r.amount)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </section>
  );
}
