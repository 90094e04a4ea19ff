import { Badge, type BadgeTone } from '@/components/ui/badge';
import { STATUS_LABELS } from '@/lib/jobs/job-actions';
import type { JobStatus } from '@/lib/synchroteam/job-status';

const TONE: Record<JobStatus, BadgeTone> = {
  created: 'neutral',
  scheduled: 'blue',
  synchronized: 'violet',
  started: 'amber',
  paused: 'amber',
  completed: 'green',
  validated: 'green',
  cancelled: 'red',
};

/** A job's status as a coloured label (the word is always shown: colour alone is not the signal). */
export function JobStatusBadge({ status, deleted }: { status: JobStatus; deleted?: boolean }) {
  return (
    <span className="inline-flex gap-1">
      <Badge tone={TONE[status]}>{STATUS_LABELS[status]}</Badge>
      {deleted && <Badge tone="red">Deleted</Badge>}
    </span>
  );
}
