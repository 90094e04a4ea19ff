'use client';

/** Click (or Enter) on a job: who, where, when, and the actions its status allows, with a link to the job page. */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { jobDetailsQuery } from '@/lib/queries/board';
import type { BoardData, BoardJob } from '@/lib/scheduling/board-types';
import { laneWarnings } from '@/lib/scheduling/lane-warnings';
import { timeOfDay } from '@/lib/synchroteam/dates';
import { canApply, isSchedulable } from '@/lib/synchroteam/job-status';
import { explainError } from '@/lib/ui/api-errors';
import { STATUS_COLORS } from './board-events';

export interface JobQuickViewProps {
  job: BoardJob | null;
  data: BoardData;
  onClose: () => void;
  onMove: (j: BoardJob) => void;
  onUnschedule: (j: BoardJob) => void;
  onConfirm: (j: BoardJob) => void;
  onCancel: (j: BoardJob) => void;
}

export function JobQuickView({ job, data, onClose, onMove, onUnschedule, onConfirm, onCancel }: JobQuickViewProps) {
  const q = useQuery({ ...jobDetailsQuery(job?.id ?? ''), enabled: !!job });
  const [confirmCancel, setConfirmCancel] = useState(false);
  const d = q.data;
  // The same checks as the card's warning mark, written out.
  const warnings = useMemo(() => (job ? (laneWarnings([job], data).get(job.id) ?? []) : []), [job, data]);
  const name = (id: number | null) => data.technicians.find((t) => t.id === id)?.name ?? (id ? `#${id}` : '—');
  const close = () => {
    setConfirmCancel(false);
    onClose();
  };
  const act = (fn: (j: BoardJob) => void) => () => {
    if (!job) return;
    close();
    fn(job);
  };
  const contact = d ? [d.contactFirstName, d.contactLastName].filter(Boolean).join(' ') : '';
  const phone = d?.contactMobile || d?.contactPhone;

  return (
    <Dialog
      open={!!job}
      onClose={close}
      title={job ? `Job #${job.num}` : 'Job'}
      description={job ? `${job.customer.name ?? ''}${job.type?.name ? ` · ${job.type.name}` : ''}` : undefined}
      footer={
        job && (
          <>
            <Link
              href={`/jobs/${encodeURIComponent(job.id)}`}
              className="mr-auto self-center text-sm font-medium text-brand underline"
            >
              Open job page
            </Link>
            {isSchedulable(job.status) && (
              <Button variant="secondary" size="sm" onClick={act(onMove)}>
                {job.status === 'created' ? 'Schedule…' : 'Move or reassign…'}
              </Button>
            )}
            {canApply(job.status, 'unschedule') && (
              <Button variant="secondary" size="sm" onClick={act(onUnschedule)}>
                Unschedule
              </Button>
            )}
            {canApply(job.status, 'confirm') && (
              <Button variant="secondary" size="sm" onClick={act(onConfirm)}>
                Confirm
              </Button>
            )}
            {canApply(job.status, 'cancel') &&
              (confirmCancel ? (
                <Button variant="danger" size="sm" onClick={act(onCancel)}>
                  Yes, cancel job
                </Button>
              ) : (
                <Button variant="ghost" size="sm" onClick={() => setConfirmCancel(true)}>
                  Cancel job…
                </Button>
              ))}
          </>
        )
      }
    >
      {job && (
        <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5 text-sm">
          <dt className="text-slate-500">Status</dt>
          <dd>
            <span
              className="rounded px-1.5 py-0.5 text-xs font-medium"
              style={{ background: STATUS_COLORS[job.status].bg, color: STATUS_COLORS[job.status].text }}
            >
              {STATUS_COLORS[job.status].label}
            </span>{' '}
            <span className="text-slate-600">priority {job.priority}</span>
          </dd>
          <dt className="text-slate-500">Customer</dt>
          <dd>{job.customer.name ?? '—'}</dd>
          <dt className="text-slate-500">Site</dt>
          <dd>{job.site?.name ?? '—'}</dd>
          <dt className="text-slate-500">Address</dt>
          <dd>{d?.address ?? job.address ?? '—'}</dd>
          <dt className="text-slate-500">Contact</dt>
          <dd>{q.isPending ? 'Loading…' : [contact, phone, d?.contactEmail].filter(Boolean).join(' · ') || '—'}</dd>
          <dt className="text-slate-500">Times</dt>
          <dd>{job.start ? `${job.start}${job.end != null ? ` – ${timeOfDay(job.end)}` : ''}` : 'Not scheduled'}</dd>
          <dt className="text-slate-500">Technicians</dt>
          <dd>{[name(job.technicianId), ...job.otherTechnicianIds.map(name)].join(', ')}</dd>
          {warnings.length > 0 && (
            <>
              <dt className="text-slate-500">Warnings</dt>
              <dd>
                <ul className="space-y-1 text-amber-900">
                  {warnings.map((w) => (
                    <li key={w.kind + w.message}>{w.message}</li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          <dt className="text-slate-500">Description</dt>
          <dd className="whitespace-pre-line">{q.isPending ? 'Loading…' : d?.description || '—'}</dd>
          {q.isError && (
            <dd className="col-span-2 text-red-700" role="alert">
              Details could not be loaded: {explainError(q.error).message}
            </dd>
          )}
        </dl>
      )}
    </Dialog>
  );
}
