'use client';

import type { TimelineItem } from '@/lib/synchroteam/schemas/timeline';
import type { Job } from '@/lib/synchroteam/schemas/job';
import { minutesBetween, parseApiDate, minutePart } from '@/lib/synchroteam/dates';
import { Badge } from '@/components/ui/badge';
import { STATUS_LABELS } from '@/lib/jobs/job-actions';
import { isJobStatus } from '@/lib/synchroteam/job-status';
import { refName } from './job-people';
import { Fact, JobSection, Muted } from './job-section';

const t = (s: string | null | undefined) => (s ? minutePart(s) : '—');

export function formatMinutes(m: number): string {
  if (!m) return '0 min';
  const h = Math.floor(m / 60);
  return h ? `${h} h ${String(m % 60).padStart(2, '0')} min` : `${m} min`;
}

const EVENT_LABEL: Record<string, string> = { unscheduled: 'Unscheduled', deleted: 'Deleted' };

/** Schedule, people, preferences, skills and tags. */
export function JobScheduleSection({ job }: { job: Job }) {
  const p = job.preferences;
  const planned =
    job.scheduledStart && job.scheduledEnd
      ? minutesBetween(parseApiDate(job.scheduledStart)!, parseApiDate(job.scheduledEnd)!)
      : null;
  return (
    <JobSection title="Schedule">
      <dl>
        <Fact label="Technician">{job.technician ? refName(job.technician) : 'Unassigned'}</Fact>
        <Fact label="Other technicians">
          {job.otherTechnicians.length ? job.otherTechnicians.map(refName).join(', ') : '—'}
        </Fact>
        <Fact label="Scheduled">
          {job.scheduledStart ? `${t(job.scheduledStart)} → ${t(job.scheduledEnd)}` : 'Not scheduled'}
          {planned !== null && <span className="text-slate-600"> ({formatMinutes(planned)})</span>}
        </Fact>
        <Fact label="Actual">
          {job.actualStart ? `${t(job.actualStart)} → ${job.actualEnd ? t(job.actualEnd) : 'ongoing'}` : '—'}
        </Fact>
        <Fact label="Job type">{job.type?.name ?? '—'}</Fact>
        <Fact label="Priority">
          <span className="capitalize">{job.priority}</span>
        </Fact>
        <Fact label="Skills">
          {job.skills.length ? (
            <span className="flex flex-wrap gap-1">
              {job.skills.map((s) => (
                <Badge key={s}>{s}</Badge>
              ))}
            </span>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label="Tags">
          {job.tags.length ? (
            <span className="flex flex-wrap gap-1">
              {job.tags.map((s) => (
                <Badge key={s} tone="violet">
                  {s}
                </Badge>
              ))}
            </span>
          ) : (
            '—'
          )}
        </Fact>
      </dl>
      <h3 className="mt-3 text-sm font-semibold text-slate-800">Scheduling preferences</h3>
      <dl>
        <Fact label="Preferred date">{p.date ?? '—'}</Fact>
        <Fact label="Meeting time">{t(p.dateTime)}</Fact>
        <Fact label="Window">{p.schedulingWindow?.name ?? '—'}</Fact>
        <Fact label="Team">{p.team?.name ?? '—'}</Fact>
        <Fact label="Technician">{p.user ? refName(p.user) : '—'}</Fact>
        <Fact label="Flags">
          {[p.isDraft && 'Draft', p.isPool && 'In the job pool'].filter(Boolean).join(', ') || '—'}
        </Fact>
      </dl>
    </JobSection>
  );
}

/** Time entries and total duration. */
export function JobTimeSection({ job }: { job: Job }) {
  return (
    <JobSection title="Time worked">
      <p className="mb-2 text-sm text-slate-800">
        Total: <strong>{formatMinutes(job.duration)}</strong>
      </p>
      {job.timeEntries.length === 0 ? (
        <Muted>No time recorded yet.</Muted>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {job.timeEntries.map((e, i) => {
            const s = parseApiDate(e.start);
            const st = e.stop ? parseApiDate(e.stop) : null;
            return (
              <li key={i} className="flex flex-wrap justify-between gap-2 py-1.5">
                <span>{refName(e.user)}</span>
                <span className="tabular-nums text-slate-700">
                  {t(e.start)} → {e.stop ? t(e.stop).slice(11) : 'running'}
                  {s && st ? ` (${formatMinutes(minutesBetween(s, st))})` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </JobSection>
  );
}

/** Status history: the timeline's job notifications, oldest first. */
export function JobHistory({ items }: { items: readonly TimelineItem[] }) {
  const events = items.filter((i) => i.source === 'notification' && i.event);
  if (!events.length) return <Muted>No status changes recorded.</Muted>;
  return (
    <ol className="space-y-1.5 text-sm">
      {events.map((e) => (
        <li key={e.id} className="flex flex-wrap justify-between gap-2">
          <span className="font-medium">
            {isJobStatus(e.event) ? STATUS_LABELS[e.event] : (EVENT_LABEL[e.event!] ?? e.event)}
          </span>
          <span className="tabular-nums text-slate-600">
            {t(e.dateCreated)}
            {e.user ? ` · ${refName(e.user)}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
