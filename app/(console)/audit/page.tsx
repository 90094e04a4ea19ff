import type { Metadata } from 'next';
import Link from 'next/link';
import { ScrollText } from 'lucide-react';
import { PageHeader } from '@/components/layout/page-header';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { listAudit } from '@/lib/server/audit';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { formatInstant } from '@/lib/ui/format';
import { AuditFiltersForm } from './audit-filters-form';
import { auditHref, parseAuditParams, toAuditQuery } from './audit-query';

export const metadata: Metadata = { title: 'Audit log' };
export const dynamic = 'force-dynamic';

const PAGE = 50;
const OUTCOME_TONE: Record<string, BadgeTone> = { ok: 'green', refused: 'amber', error: 'red', unknown: 'amber' };
const OUTCOME_LABEL: Record<string, string> = {
  ok: 'OK',
  refused: 'Refused',
  error: 'Error',
  unknown: 'Unknown: may have been saved',
};

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageArea('audit');
  const tz = getEnv().SYNCHROTEAM_TIMEZONE;
  const filters = parseAuditParams(await searchParams);
  // One more than a page tells whether older entries exist without a count query.
  const rows = listAudit(toAuditQuery(filters, PAGE + 1));
  const page = rows.slice(0, PAGE);
  const older = rows.length > PAGE ? page[page.length - 1].id : null;
  const filtered = !!(filters.user || filters.endpoint || filters.outcome);

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Changes made through this dashboard, newest first. Times in ${tz}.`}
      />
      <AuditFiltersForm user={filters.user} endpoint={filters.endpoint} outcome={filters.outcome} />
      {page.length === 0 ? (
        <EmptyState
          icon={<ScrollText className="size-8" />}
          title={
            filtered ? 'No entries match these filters' : filters.before ? 'No older entries' : 'Nothing recorded yet'
          }
          action={
            filtered || filters.before ? (
              <Link href="/audit" className={buttonClasses('secondary', 'sm')}>
                Show the newest entries
              </Link>
            ) : undefined
          }
        >
          {!filtered && !filters.before && 'Every change made through the dashboard will be listed here.'}
        </EmptyState>
      ) : (
        <Table caption={filtered ? 'Audit entries matching the filters' : 'Audit entries'} captionHidden>
          <THead>
            <Tr>
              <Th>Time</Th>
              <Th>Who</Th>
              <Th>Outcome</Th>
              <Th>Request</Th>
              <Th>Records</Th>
            </Tr>
          </THead>
          <TBody>
            {page.map((r) => (
              <Tr key={r.id}>
                <Td className="whitespace-nowrap tabular-nums">
                  <time dateTime={r.at.toISOString()}>{formatInstant(r.at, tz)}</time>
                </Td>
                <Td className="whitespace-nowrap">{r.userEmail}</Td>
                <Td className="whitespace-nowrap">
                  <Badge tone={OUTCOME_TONE[r.outcome] ?? 'neutral'}>{OUTCOME_LABEL[r.outcome] ?? r.outcome}</Badge>
                  <span className="ml-2 text-xs tabular-nums text-slate-600">
                    <span className="sr-only">status </span>
                    {r.status}
                  </span>
                </Td>
                <Td className="font-mono text-xs whitespace-nowrap">
                  <span className="font-semibold">{r.method}</span> {r.endpoint}
                </Td>
                <Td className="min-w-56 text-xs wrap-break-word text-slate-700">
                  {r.recordKeys && <span className="block">{r.recordKeys}</span>}
                  {r.detail && <span className="block text-slate-500">{r.detail}</span>}
                  {!r.recordKeys && !r.detail && '—'}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <nav aria-label="Audit pages" className="mt-4 flex gap-2">
        {filters.before && (
          <Link href={auditHref({ ...filters, before: null })} className={buttonClasses('secondary', 'sm')}>
            Newest
          </Link>
        )}
        {older && (
          <Link href={auditHref({ ...filters, before: older })} className={buttonClasses('secondary', 'sm')}>
            Older entries
          </Link>
        )}
      </nav>
    </>
  );
}
