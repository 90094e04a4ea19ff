'use client';

import { AlertTriangle, CheckCircle2 } from 'lucide-react';
import type { JobReport } from '@/lib/synchroteam/schemas/report';
import { Badge } from '@/components/ui/badge';
import { JobSection, Muted } from './job-section';

function Value({ type, value }: { type: string; value: string }) {
  if (!value) return <span className="text-slate-500">Not filled</span>;
  // Compliance items store 1/0 (a checkbox on the device).
  if (type === 'compliance' && (value === '1' || value === '0')) return <span>{value === '1' ? 'Yes' : 'No'}</span>;
  if (type === 'signature' || type === 'picture') {
    return /^(https?:|data:image\/)/.test(value) ? (
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={value}
        alt={type === 'signature' ? 'Signature' : 'Picture'}
        className="max-h-24 rounded border border-slate-200"
      />
    ) : (
      <span>{type === 'signature' ? 'Signed' : 'Picture attached'}</span>
    );
  }
  return <span className="whitespace-pre-wrap">{value}</span>;
}

/** The job report as jobReport/details returns it: blocks per iteration, items with value, comment and issue flag. */
export function JobReportSection({ report, templateName }: { report: JobReport; templateName: string | null }) {
  const blocks = [...report].sort((a, b) => a.position - b.position || a.iteration - b.iteration);
  const issues = blocks.flatMap((b) => b.items).filter((i) => i.issue === 'Issue Reported').length;
  return (
    <JobSection
      title="Report"
      actions={templateName ? <span className="text-sm text-slate-600">{templateName}</span> : undefined}
    >
      {blocks.length === 0 ? (
        <Muted>This job has no report template.</Muted>
      ) : (
        <div className="space-y-4">
          {issues > 0 && (
            <p className="flex items-center gap-1.5 text-sm font-medium text-red-800">
              <AlertTriangle className="size-4" aria-hidden="true" />
              {issues} issue{issues === 1 ? '' : 's'} reported
            </p>
          )}
          {blocks.map((b) => (
            <div key={`${b.id}-${b.iteration}`}>
              <h3 className="text-sm font-semibold text-slate-800">
                {b.name}
                {b.iteration > 0 && <span className="font-normal text-slate-600"> — #{b.iteration + 1}</span>}
              </h3>
              <dl className="mt-1 divide-y divide-slate-100 rounded-md border border-slate-100">
                {[...b.items]
                  .sort((x, y) => x.position - y.position)
                  .map((it) => (
                    <div key={it.id} className="grid gap-1 px-3 py-2 text-sm sm:grid-cols-[minmax(8rem,40%)_1fr]">
                      <dt className="text-slate-700">
                        {it.name}
                        {it.isMandatory && <span className="text-slate-500"> (required)</span>}
                      </dt>
                      <dd className="min-w-0">
                        <Value type={it.type} value={it.value} />
                        {it.comment && <p className="mt-0.5 text-xs text-slate-600">Comment: {it.comment}</p>}
                        {it.issue === 'Issue Reported' && (
                          <Badge tone="red" className="mt-1">
                            <AlertTriangle className="size-3" aria-hidden="true" /> Issue reported
                          </Badge>
                        )}
                        {it.issue === 'Resolved' && (
                          <Badge tone="green" className="mt-1">
                            <CheckCircle2 className="size-3" aria-hidden="true" /> Resolved
                          </Badge>
                        )}
                      </dd>
                    </div>
                  ))}
              </dl>
            </div>
          ))}
        </div>
      )}
    </JobSection>
  );
}
