/**
 * The job life cycle: job/schedule, unschedule, confirm, start, complete, validate, cancel. Transitions follow
 * lib/synchroteam/job-status.ts; a refused one is a 400 in plain words and changes nothing. Every status change
 * writes a timeline item. The job is named by id, num or myId in the JSON body.
 *
 * Readings taken:
 * - Answers follow the examples: a list of `{id, status, …}` (schedule adds the schedule and technicians), except
 *   start, whose example is a single object `{job: {id, myId, num}, startDate, status}`. unschedule answers the
 *   job's new status, created (its example's "scheduled" contradicts the prose); confirm answers synchronized.
 * - schedule: technician is required unless the job has one; scheduledStart likewise; scheduledEnd defaults to
 *   scheduledStart + the job type's duration (1 hour without type) and must be after scheduledStart.
 * - unschedule clears scheduledStart/End, technician and otherTechnicians.
 * - start: actualStart defaults to now; the first start sets the job's actualStart, a resume keeps it. Each start
 *   opens a time entry for the technician; a resume may not begin before the last time entry ended. The
 *   technician's other started job is paused at that moment (its time entry closed, a "paused" timeline item).
 * - complete: actualEnd is required, actualStart too unless the job has one; actualEnd may not be before actualStart.
 *   The caller's times are stored as given ("Real Start/End Date & Time" come from the body), whatever start/pause
 *   recorded: when they contain the recorded time entries, those are kept (the open one closed at actualEnd);
 *   otherwise the caller's account wins and the entries are replaced by one spanning actualStart→actualEnd. A job
 *   completed without any time entry gets one spanning actualStart→actualEnd. duration is the sum of the entries.
 * - validate needs validateBy (a user by id or login) and records it with the date.
 * - cancel closes an open time entry at now.
 */
import { addMinutesLocal, parseApiDate, type LocalDateTime } from '../../lib/synchroteam/dates';
import { badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { Doc, Row } from '../store/collection';
import type { Store } from '../store/store';
import { field, optDate, requireObject, type Ctx } from './common';
import {
  closeOpenEntry,
  emit,
  jobFromBody,
  jobKey,
  nowLocal,
  resolveUser,
  resolveUsers,
  saveWithEvent,
  transition,
  typeDurationMinutes,
  userRef,
  workedMinutes,
  type TimeEntry,
  type UserRef,
} from './job-shared';

const entriesOf = (doc: Doc) => ((doc.timeEntries as TimeEntry[]) ?? []).map((e) => ({ ...e }));

/** Pauses the technician's other started job(s) at `at`. */
function pauseOthers(store: Store, ctx: Ctx, technicianId: number, exceptId: string | number, at: LocalDateTime): void {
  const jobs = store.collection('job');
  for (const other of jobs.all('technician_id = ? AND status = ? AND id != ?', [technicianId, 'started', exceptId])) {
    const doc: Doc = { ...other.doc, status: transition(other.doc, 'pause') };
    doc.timeEntries = closeOpenEntry(entriesOf(other.doc), at);
    doc.duration = workedMinutes(doc.timeEntries as TimeEntry[]);
    saveWithEvent(store, ctx, other, doc, 'paused', (doc.technician as UserRef) ?? null);
  }
}

export function registerJobLifecycle(router: Router, store: Store): void {
  const load = (ctx: Ctx): { row: Row; body: Record<string, unknown> } => {
    const body = requireObject(ctx.body);
    return { row: jobFromBody(body, store), body };
  };

  router.post('job/schedule', (ctx) => {
    const { row, body } = load(ctx);
    const doc: Doc = { ...row.doc, status: transition(row.doc, 'schedule') };
    const tech = field(body, 'technician');
    if (tech !== undefined && tech !== null) doc.technician = userRef(resolveUser(store, tech, 'technician')!);
    if (!doc.technician) throw badRequest(`Field 'technician' is required to schedule job ${String(doc.num)}`);
    if (field(body, 'otherTechnicians') !== undefined) {
      doc.otherTechnicians = resolveUsers(store, field(body, 'otherTechnicians'), 'otherTechnicians').filter(
        (u) => u.id !== (doc.technician as UserRef).id,
      );
    }
    const startIn = optDate(body, 'scheduledStart');
    const endIn = optDate(body, 'scheduledEnd');
    const start = startIn ?? parseApiDate(doc.scheduledStart);
    if (!start) throw badRequest(`Field 'scheduledStart' is required to schedule job ${String(doc.num)}`);
    const end =
      endIn ??
      (startIn ? null : parseApiDate(doc.scheduledEnd)) ??
      addMinutesLocal(start, typeDurationMinutes(store, doc));
    if (end <= start) throw badRequest(`Field 'scheduledEnd' must be after scheduledStart`);
    doc.scheduledStart = emit(start);
    doc.scheduledEnd = emit(end);
    const saved = saveWithEvent(store, ctx, row, doc, 'scheduled', doc.technician as UserRef);
    const d = saved.doc;
    return [
      {
        id: d.id,
        status: d.status,
        scheduledStart: d.scheduledStart,
        scheduledEnd: d.scheduledEnd,
        technician: d.technician,
        otherTechnicians: d.otherTechnicians,
      },
    ];
  });

  router.post('job/unschedule', (ctx) => {
    const { row } = load(ctx);
    const doc: Doc = { ...row.doc, status: transition(row.doc, 'unschedule') };
    Object.assign(doc, { scheduledStart: null, scheduledEnd: null, technician: null, otherTechnicians: [] });
    const d = saveWithEvent(store, ctx, row, doc, 'unscheduled', null).doc;
    return [{ id: d.id, status: d.status, scheduledStart: null, scheduledEnd: null, technician: null }];
  });

  router.post('job/confirm', (ctx) => {
    const { row } = load(ctx);
    const doc: Doc = { ...row.doc, status: transition(row.doc, 'confirm') };
    doc.preferences = { ...((doc.preferences as Doc) ?? {}), isDraft: false };
    const d = saveWithEvent(store, ctx, row, doc, 'synchronized', (doc.technician as UserRef) ?? null).doc;
    return [{ id: d.id, status: d.status }];
  });

  router.post('job/start', (ctx) => {
    const { row, body } = load(ctx);
    const doc: Doc = { ...row.doc, status: transition(row.doc, 'start') };
    const tech = doc.technician as UserRef | null;
    if (!tech) throw badRequest(`Job ${String(doc.num)} has no technician: schedule it first`);
    const at = optDate(body, 'actualStart') ?? nowLocal(ctx);
    const entries = entriesOf(row.doc);
    const lastStop = entries
      .map((e) => parseApiDate(e.stop))
      .filter((x): x is string => !!x)
      .sort()
      .pop();
    if (lastStop && at < lastStop)
      throw badRequest(
        `Field 'actualStart' must not be before the end of the job's last time entry (${emit(lastStop)})`,
      );
    pauseOthers(store, ctx, tech.id, row.id, at);
    if (!doc.actualStart) doc.actualStart = emit(at);
    doc.timeEntries = [...closeOpenEntry(entries, at), { user: tech, start: emit(at)!, stop: null }];
    doc.duration = workedMinutes(doc.timeEntries as TimeEntry[]);
    saveWithEvent(store, ctx, row, doc, 'started', tech);
    return { job: jobKey(doc), startDate: emit(at), status: 'started' };
  });

  router.post('job/complete', (ctx) => {
    const { row, body } = load(ctx);
    const doc: Doc = { ...row.doc, status: transition(row.doc, 'complete') };
    const start = optDate(body, 'actualStart') ?? parseApiDate(doc.actualStart);
    const end = optDate(body, 'actualEnd');
    if (!start) throw badRequest(`Field 'actualStart' is required to complete job ${String(doc.num)}`);
    if (!end) throw badRequest(`Field 'actualEnd' is required to complete job ${String(doc.num)}`);
    if (end < start) throw badRequest(`Field 'actualEnd' must not be before actualStart`);
    const entries = entriesOf(row.doc);
    const tech = (doc.technician as UserRef | null) ?? null;
    doc.timeEntries = completedEntries(entries, tech, start, end);
    doc.actualStart = emit(start);
    doc.actualEnd = emit(end);
    doc.duration = workedMinutes(doc.timeEntries as TimeEntry[]);
    const d = saveWithEvent(store, ctx, row, doc, 'completed', tech).doc;
    return [{ id: d.id, status: d.status }];
  });

  router.post('job/validate', (ctx) => {
    const { row, body } = load(ctx);
    const doc: Doc = { ...row.doc, status: transition(row.doc, 'validate') };
    const by = field(body, 'validateBy');
    if (by === undefined || by === null)
      throw badRequest(`Field 'validateBy' is required: the user who validates, {"id": …} or {"login": …}`);
    const user = userRef(resolveUser(store, by, 'validateBy')!);
    doc.validateBy = { id: user.id, login: user.login, name: user.name, date: emit(nowLocal(ctx)) };
    doc._validatedMs = ctx.now;
    const d = saveWithEvent(store, ctx, row, doc, 'validated', user).doc;
    return [{ id: d.id, status: d.status }];
  });

  router.post('job/cancel', (ctx) => {
    const { row } = load(ctx);
    const doc: Doc = { ...row.doc, status: transition(row.doc, 'cancel') };
    doc.timeEntries = closeOpenEntry(entriesOf(row.doc), nowLocal(ctx));
    doc.duration = workedMinutes(doc.timeEntries as TimeEntry[]);
    const d = saveWithEvent(store, ctx, row, doc, 'cancelled', null).doc;
    return [{ id: d.id, status: d.status }];
  });
}

/**
 * The time entries of a completed job. The caller's actualStart/actualEnd are the documented truth; recorded entries
 * survive only while they fit inside them (so a technician's pauses stay visible), else one entry replaces them.
 */
function completedEntries(
  entries: TimeEntry[],
  tech: UserRef | null,
  start: LocalDateTime,
  end: LocalDateTime,
): TimeEntry[] {
  const marks = entries
    .flatMap((e) => [parseApiDate(e.start), parseApiDate(e.stop)])
    .filter((x): x is string => !!x)
    .sort();
  const fits = marks.length > 0 && marks[0] >= start && marks[marks.length - 1] <= end;
  if (fits) return closeOpenEntry(entries, end);
  const user = tech ?? entries[0]?.user ?? null;
  return user ? [{ user, start: emit(start)!, stop: emit(end)! }] : [];
}
