'use client';

/**
 * The job page: the whole story of one job and every action on it. The job itself is one job/details read (report,
 * parts, preferences, time entries included); photos, timeline, tasks, attachments and billing load beside it so a
 * slow section never holds the rest back. Actions are only those the status allows (lib/jobs/job-actions.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { ArrowLeft, Link2, Pencil } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { actionLabel, isDestructive, pageActions, type PageAction } from '@/lib/jobs/job-actions';
import { jobQuery } from '@/lib/queries/job-queries';
import { can, type Role } from '@/lib/permissions';
import { canCall } from '@/lib/synchroteam/endpoints';
import { accountToday } from '@/lib/scheduling/wall-clock';
import { JobActionDialog, type AccountInfo } from './job-action-dialog';
import { JobAttachmentsSection } from './job-attachments-section';
import { JobBillingSection } from './job-billing-section';
import { JobCustomFieldsSection } from './job-custom-fields-section';
import { JobNotesSection } from './job-notes-section';
import { JobOverviewSection, type MapSettings } from './job-overview-section';
import { JobPartsSection } from './job-parts-section';
import { JobPhotosSection } from './job-photos-section';
import { JobReportSection } from './job-report-section';
import { JobScheduleSection, JobTimeSection } from './job-schedule-section';
import { JobStatusBadge } from './job-status-badge';
import { JobTasksSection } from './job-tasks-section';
import { JobTrackingLinkDialog } from './job-tracking-link-dialog';
import { minutePart } from '@/lib/synchroteam/dates';

const ENDPOINT: Record<PageAction, string> = {
  schedule: 'job/schedule',
  unschedule: 'job/unschedule',
  confirm: 'job/confirm',
  start: 'job/start',
  complete: 'job/complete',
  validate: 'job/validate',
  cancel: 'job/cancel',
  delete: 'job/delete',
};

export function JobPage({
  id,
  timeZone,
  role,
  account,
  canSeeBilling,
  map,
}: {
  id: string;
  timeZone: string;
  role: Role;
  account: AccountInfo;
  canSeeBilling: boolean;
  map: MapSettings;
}) {
  const job = useQuery(jobQuery(id));
  const [action, setAction] = useState<PageAction | null>(null);
  const [tracking, setTracking] = useState(false);
  const trackingButton = useRef<HTMLButtonElement>(null);
  const trackingWasOpen = useRef(false);
  // The dialog unmounts on close, so the native focus return cannot run: give focus back to its opener here.
  useEffect(() => {
    if (trackingWasOpen.current && !tracking) trackingButton.current?.focus();
    trackingWasOpen.current = tracking;
  }, [tracking]);

  if (job.isPending) {
    return (
      <div className="space-y-4" aria-busy="true">
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-10 w-full" />
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <Skeleton className="h-64" />
          <Skeleton className="h-64" />
        </div>
      </div>
    );
  }
  if (job.isError) {
    return (
      <>
        <Link
          href="/jobs"
          className="mb-4 inline-flex items-center gap-1 text-sm text-brand underline-offset-2 hover:underline"
        >
          <ArrowLeft className="size-4" aria-hidden="true" /> All jobs
        </Link>
        <ErrorState error={job.error} onRetry={() => void job.refetch()} />
      </>
    );
  }

  const j = job.data;
  const actions = pageActions(j.status, { deleted: !!j.dateDeleted }).filter((a) =>
    canCall(role, ENDPOINT[a], a === 'delete' ? 'DELETE' : 'POST'),
  );
  const editable = !j.dateDeleted && canCall(role, 'job/send', 'POST');
  // Whoever may see the job may send its customer the tracking link (app/api/jobs/[id]/tracking-link checks the same).
  const canShareTracking = !j.dateDeleted && can(role, 'jobs');

  return (
    <>
      <Link
        href="/jobs"
        className="mb-3 inline-flex items-center gap-1 text-sm text-brand underline-offset-2 hover:underline"
      >
        <ArrowLeft className="size-4" aria-hidden="true" /> All jobs
      </Link>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
            Job #{j.num}
            <JobStatusBadge status={j.status} deleted={!!j.dateDeleted} />
          </h1>
          <p className="mt-1 text-sm text-slate-700">
            {j.description || 'No description'}
            {j.myId && <span className="text-slate-500"> · {j.myId}</span>}
          </p>
          <p className="mt-0.5 text-xs text-slate-500">
            Created {minutePart(j.dateCreated)}
            {j.createdBy?.name ? ` by ${j.createdBy.name}` : ''}
            {j.createdByCustomer ? ' (by the customer)' : ''} · modified {minutePart(j.dateModified)} · times in{' '}
            {timeZone}
            {j.validateBy &&
              ` · validated by ${j.validateBy.name ?? j.validateBy.login} on ${minutePart(j.validateBy.date)}`}
          </p>
        </div>
        {(canShareTracking || editable) && (
          <div className="flex flex-wrap gap-2">
            {canShareTracking && (
              <Button ref={trackingButton} variant="secondary" onClick={() => setTracking(true)} aria-haspopup="dialog">
                <Link2 className="size-4" aria-hidden="true" /> Customer tracking link
              </Button>
            )}
            {editable && (
              <Link href={`/jobs/${encodeURIComponent(j.id)}/edit`} className={buttonClasses('secondary', 'md')}>
                <Pencil className="size-4" aria-hidden="true" /> Edit
              </Link>
            )}
          </div>
        )}
      </div>

      <div
        role="toolbar"
        aria-label="Job actions"
        className="mb-5 flex flex-wrap gap-2 rounded-lg border border-slate-200 bg-white p-2"
      >
        {actions.length === 0 ? (
          <p className="px-2 py-1.5 text-sm text-slate-600">
            No actions: this job is {j.dateDeleted ? 'deleted' : j.status}.
          </p>
        ) : (
          actions.map((a) => (
            <Button
              key={a}
              variant={isDestructive(a) ? 'danger' : a === actions[0] ? 'primary' : 'secondary'}
              size="sm"
              onClick={() => setAction(a)}
              className={a === 'unschedule' ? 'sm:ml-auto' : undefined}
            >
              {actionLabel(a, j.status)}
            </Button>
          ))
        )}
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <JobScheduleSection job={j} />
          <JobOverviewSection job={j} map={map} />
          <JobTimeSection job={j} />
          <JobReportSection report={j.report} templateName={j.reportTemplate?.name ?? null} />
          <JobPhotosSection jobId={j.id} />
        </div>
        <div className="space-y-4">
          <JobPartsSection
            job={j}
            canAdd={editable && j.status !== 'cancelled' && j.status !== 'validated'}
            canSeeStock={canCall(role, 'depot/details', 'GET')}
          />
          <JobCustomFieldsSection job={j} canEdit={editable} />
          <JobNotesSection num={j.num} />
          <JobTasksSection num={j.num} today={accountToday(timeZone)} />
          <JobAttachmentsSection num={j.num} />
          {canSeeBilling && <JobBillingSection id={j.id} num={j.num} />}
        </div>
      </div>

      {tracking && <JobTrackingLinkDialog job={j} onClose={() => setTracking(false)} />}
      {action && (
        <JobActionDialog
          key={action}
          job={j}
          action={action}
          onClose={() => setAction(null)}
          timeZone={timeZone}
          account={account}
        />
      )}
    </>
  );
}
