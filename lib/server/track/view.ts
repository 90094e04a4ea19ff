/**
 * Builds the customer's view of a job (lib/track/view-types.ts) from the API's records. Every field that leaves the
 * server is picked here by name: the job, user and day-list records themselves never do.
 */
import 'server-only';
import { getEnv } from '../env';
import { datePart, epochToLocal, localToEpoch, parseApiDate, type LocalDateTime } from '../../synchroteam/dates';
import type { Job, JobListItem } from '../../synchroteam/schemas/job';
import type { User } from '../../synchroteam/schemas/user';
import { etaRange, isFresh, parsePosition } from '../../track/eta';
import { formatDay, formatDayTime, formatTime, formatTimeRange } from '../../track/format';
import type { Negotiated } from '../../track/i18n';
import { ON_THE_WAY_LEAD_MINUTES, arrivalWindow, trackStage, type DayJob } from '../../track/stage';
import type { TrackView } from '../../track/view-types';
import { minutesBetween } from '../../synchroteam/dates';
import { getJob, getUser, technicianDay } from './upstream';

type Priority = 'interactive' | 'background';

const dayJob = (j: Job | JobListItem): DayJob => ({
  id: j.id,
  status: j.status,
  scheduledStart: parseApiDate(j.scheduledStart),
  scheduledEnd: parseApiDate(j.scheduledEnd),
});

function firstName(user: User | null, job: Job): string | null {
  const own = user?.firstName?.trim();
  if (own) return own;
  // Without the user record, the first word of the job's technician name (never the login: it can be an email).
  const fromJob = job.technician?.name?.trim().split(/\s+/)[0];
  return fromJob || null;
}

function addressLines(job: Job): string[] {
  const main =
    job.address?.trim() ||
    [job.addressStreet, [job.addressZIP, job.addressCity].filter(Boolean).join(' '), job.addressProvince]
      .map((s) => s?.trim())
      .filter(Boolean)
      .join(', ');
  return [main, job.addressComplement?.trim()].filter((s): s is string => !!s);
}

function freshFix(user: User | null, tz: string, nowMs: number) {
  const loc = user?.lastLocation;
  const at = loc ? parseApiDate(loc.datetime) : null;
  const pos = loc ? parsePosition(loc) : null;
  if (!pos || !at || !isFresh(localToEpoch(at, tz), nowMs)) return null;
  return pos;
}

/** Should the technician's day be read (one list call)? Only when "on the way"/"finishing previous" can follow. */
function needsDay(job: Job, start: LocalDateTime | null, now: LocalDateTime): boolean {
  return (
    (job.status === 'scheduled' || job.status === 'synchronized') &&
    !!job.technician &&
    !!start &&
    datePart(start) === datePart(now) &&
    minutesBetween(now, start) <= ON_THE_WAY_LEAD_MINUTES
  );
}

export type LoadedView = { kind: 'ok'; view: TrackView; job: Job } | { kind: 'gone' };

export async function loadTrackView(
  jobId: string,
  lang: Negotiated,
  priority: Priority = 'background',
): Promise<LoadedView> {
  const job = await getJob(jobId, priority);
  if (!job || job.dateDeleted) return { kind: 'gone' };
  const env = getEnv();
  const tz = env.SYNCHROTEAM_TIMEZONE;
  const nowMs = Date.now();
  const now = epochToLocal(nowMs, tz);
  const start = parseApiDate(job.scheduledStart);
  const techId = job.technician?.id;
  const [user, day] = await Promise.all([
    techId && job.status !== 'cancelled' ? getUser(techId, priority) : Promise.resolve(null),
    techId && needsDay(job, start, now) ? technicianDay(techId, datePart(start!), priority) : Promise.resolve(null),
  ]);
  const techPos = freshFix(user, tz, nowMs);
  const st = trackStage({
    job: { ...dayJob(job), hasTechnician: !!job.technician },
    now,
    technicianDay: day ? day.map(dayJob) : null,
    positionFresh: !!techPos,
  });

  const loc = lang.formatLocale;
  let eta: string | null = null;
  const jobPos = parsePosition(job.position);
  if (st.etaEligible && techPos && jobPos) {
    const r = etaRange({
      from: techPos,
      to: jobPos,
      speedKmh: env.TRACK_AVERAGE_SPEED_KMH,
      nowMs,
      delayMinutes: st.previousRemainingMinutes,
    });
    eta = formatTimeRange(epochToLocal(r.fromMs, tz), epochToLocal(r.toMs, tz), loc);
  }
  const planned = st.stage === 'scheduled' || st.stage === 'on_the_way';
  const actualEnd = parseApiDate(job.actualEnd);
  const window = start && planned ? arrivalWindow(start) : null;
  const showsTech = st.stage !== 'received' && st.stage !== 'cancelled';

  const view: TrackView = {
    lang: lang.lang,
    number: job.num,
    description: job.description?.trim() || null,
    stage: st.stage,
    paused: st.paused,
    finishingPrevious: st.finishingPrevious,
    technicianFirstName: showsTech ? firstName(user, job) : null,
    date:
      start && st.stage !== 'received' && st.stage !== 'done' && st.stage !== 'cancelled'
        ? formatDay(start, loc, now)
        : null,
    arrivalWindow: window ? formatTimeRange(window.from, window.to, loc) : null,
    eta,
    completedAt: st.stage === 'done' && actualEnd ? formatDayTime(actualEnd, loc, now) : null,
    addressLines: addressLines(job),
    canReschedule: job.status === 'created' || job.status === 'scheduled' || job.status === 'synchronized',
    updatedAt: formatTime(now, loc),
    refreshAfter: refreshAfter(st.stage, !!eta || st.finishingPrevious, start, now),
  };
  return { kind: 'ok', view, job };
}

/** Live moments refresh every minute; quiet ones rarely; finished ones never. */
function refreshAfter(
  stage: TrackView['stage'],
  live: boolean,
  start: LocalDateTime | null,
  now: LocalDateTime,
): number | null {
  if (stage === 'done' || stage === 'cancelled') return null;
  if (live || stage === 'on_the_way') return 60;
  if (stage === 'in_progress') return 120;
  if (start && datePart(start) === datePart(now)) return 120;
  return 600;
}
