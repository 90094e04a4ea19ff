/**
 * What every job module shares: finding a job (query or body, by id / num / myId), the reference shapes embedded in
 * jobs, the public and simplified views, time entries, and the timeline items a status change writes.
 *
 * Readings taken:
 * - A job is identified by id, num or myId. When several are given, id wins, then num, then myId (system keys
 *   before the client's key). null, "" and 0 count as absent (the parts/send example sends `"id": null, "num": 0`
 *   beside the myId that names the job).
 * - Dates are emitted "YYYY-MM-DD HH:mm" (account-local); every spelling the reference shows is accepted.
 * - `duration` is the time worked in minutes: the sum of the closed time entries (0 before work starts). The send
 *   example's 86 on a scheduled job is not followed.
 * - Status-change timeline items: source "notification", type null (the type enum describes notes), event = the new
 *   status, except "unscheduled" for job/unschedule and "deleted" for job/delete (both in the event enum);
 *   job.num is a string as in the Timeline example.
 */
import {
  epochToLocal,
  formatApiDateTime,
  minutesBetween,
  parseApiDate,
  type LocalDateTime,
} from '../../lib/synchroteam/dates';
import {
  isJobStatus,
  transitionError,
  type JobAction,
  type JobStatus,
  nextStatus,
} from '../../lib/synchroteam/job-status';
import { badRequest, notFound } from '../http/errors';
import type { Query } from '../http/params';
import type { Doc, Row } from '../store/collection';
import type { Store } from '../store/store';
import { field, localStamp, publicDoc, type Body, type Ctx } from './common';

export const CONTACT_FIELDS = [
  'contactFirstName',
  'contactLastName',
  'contactMobile',
  'contactPhone',
  'contactEmail',
] as const;

export type UserRef = { id: number; name: string | null; login: string | null };
export type RecordRef = { id: number; myId: string | null; name: string | null };
export type NamedRef = { id: number; name: string | null };

export interface TimeEntry {
  user: UserRef;
  start: string;
  stop: string | null;
}

export const userRef = (u: Doc): UserRef => ({
  id: u.id as number,
  name: [u.firstName, u.lastName].filter((x) => typeof x === 'string' && x).join(' ') || null,
  login: (u.login as string) ?? null,
});
export const recordRef = (r: Doc): RecordRef => ({
  id: r.id as number,
  myId: (r.myId as string) ?? null,
  name: (r.name as string) ?? null,
});
export const namedRef = (r: Doc): NamedRef => ({ id: r.id as number, name: (r.name as string) ?? null });
export const jobKey = (j: Doc) => ({ id: j.id as string, myId: (j.myId as string) ?? null, num: j.num as number });

/** A body value that names something: not undefined, null, "" or 0. */
const present = (v: unknown) => v !== undefined && v !== null && v !== '' && v !== 0 && v !== '0';

function byKeys(
  store: Store,
  id: unknown,
  num: unknown,
  myId: unknown,
  opts: { includeDeleted?: boolean } = {},
): Row | null {
  const jobs = store.collection('job');
  if (present(id)) return jobs.get(String(id), opts);
  if (present(num)) {
    const n = Number(num);
    if (!Number.isSafeInteger(n)) throw badRequest(`Field 'num' must be an integer (got '${String(num)}')`);
    return jobs.findBy('num', n, opts)[0] ?? null;
  }
  if (present(myId)) return jobs.findBy('my_id', String(myId), opts)[0] ?? null;
  return null;
}

const keyText = (id: unknown, num: unknown, myId: unknown) =>
  present(id) ? `id=${String(id)}` : present(num) ? `num=${String(num)}` : `myId=${String(myId)}`;

/** The job a `{paramType}={paramValue}` query names (id, num or myId). 400 without one, 404 when unknown. */
export function jobFromQuery(q: Query, store: Store, opts: { includeDeleted?: boolean } = {}): Row {
  const id = q.str('id');
  const num = q.str('num');
  const myId = q.str('myId');
  if (!present(id) && !present(num) && !present(myId)) throw badRequest(`Identify the job with one of: id, num, myId`);
  const row = byKeys(store, id, num, myId, opts);
  if (!row) throw notFound(`Job not found (${keyText(id, num, myId)})`);
  return row;
}

/** The job a JSON body names with id / num / myId. 400 without one, 404 when unknown. */
export function jobFromBody(body: Body, store: Store): Row {
  const [id, num, myId] = [field(body, 'id'), field(body, 'num'), field(body, 'myId')];
  if (!present(id) && !present(num) && !present(myId)) throw badRequest(`Identify the job with one of: id, num, myId`);
  const row = byKeys(store, id, num, myId);
  if (!row) throw notFound(`Job not found (${keyText(id, num, myId)})`);
  return row;
}

/** Like jobFromBody but answers null when no key is given or nothing matches (job/send creates then). */
export function findJobForUpsert(body: Body, store: Store): { row: Row | null; by: 'id' | 'num' | 'myId' | null } {
  const [id, num, myId] = [field(body, 'id'), field(body, 'num'), field(body, 'myId')];
  const by = present(id) ? 'id' : present(num) ? 'num' : present(myId) ? 'myId' : null;
  return { row: by ? byKeys(store, id, num, myId) : null, by };
}

/** Looks a user up from a reference object ({id} or {login}); 400 naming the field when unknown. */
export function resolveUser(store: Store, ref: unknown, what: string): Doc | null {
  if (ref === undefined || ref === null) return null;
  if (typeof ref !== 'object' || Array.isArray(ref))
    throw badRequest(`Field '${what}' must be an object such as {"id": 12} or {"login": "jdoe"}`);
  const users = store.collection('user');
  const id = field(ref as Body, 'id');
  const login = field(ref as Body, 'login');
  let row: Row | null | undefined = null;
  if (present(id)) row = users.get(id as number);
  else if (present(login)) row = users.findBy('login', String(login))[0];
  else throw badRequest(`Field '${what}' must name the user with id or login`);
  if (!row)
    throw badRequest(`Field '${what}': unknown user (${present(id) ? `id=${String(id)}` : `login=${String(login)}`})`);
  return row.doc;
}

export function resolveUsers(store: Store, list: unknown, what: string): UserRef[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw badRequest(`Field '${what}' must be a list of users such as [{"id": 12}]`);
  const out: UserRef[] = [];
  list.forEach((u, i) => {
    const ref = userRef(resolveUser(store, u, `${what}[${i}]`)!);
    if (!out.some((o) => o.id === ref.id)) out.push(ref);
  });
  return out;
}

/** Account-local wall clock now. */
export function nowLocal(ctx: Ctx): LocalDateTime {
  return epochToLocal(ctx.now, ctx.config.timeZone);
}

/** Emitted form of a wall-clock value ("YYYY-MM-DD HH:mm"). */
export const emit = (local: LocalDateTime | null | undefined) => formatApiDateTime(local ?? null);

/** Minutes worked: closed time entries only. */
export function workedMinutes(entries: TimeEntry[]): number {
  let total = 0;
  for (const e of entries) {
    const a = parseApiDate(e.start);
    const b = parseApiDate(e.stop);
    if (a && b) total += Math.max(0, minutesBetween(a, b));
  }
  return total;
}

/** Closes the open time entry (if any) at `at`, never before its start. Returns the entries (new array). */
export function closeOpenEntry(entries: TimeEntry[], at: LocalDateTime): TimeEntry[] {
  return entries.map((e) => {
    if (e.stop !== null) return e;
    const start = parseApiDate(e.start)!;
    return { ...e, stop: emit(at > start ? at : start)! };
  });
}

/** "01:30:00" / "01:30" → 90 minutes. Null when unreadable. */
export function durationMinutes(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The job's planned length, from its type (default one hour when the type has none). */
export function typeDurationMinutes(store: Store, job: Doc): number {
  const typeId = (job.type as Doc | null)?.id;
  const type = typeId ? store.collection('jobtype').get(typeId as number) : null;
  return durationMinutes(type?.doc.duration) || 60;
}

/** The full job as job/details answers it. */
export function fullJob(row: Row, ctx: Ctx): Doc {
  return {
    ...publicDoc(row.doc),
    // Report blocks carry their template's min/max as bookkeeping fields.
    report: ((row.doc.report as Doc[]) ?? []).map((b) => publicDoc(b)),
    dateCreated: localStamp(row.createdMs, ctx),
    dateModified: localStamp(row.modifiedMs, ctx),
    dateDeleted: row.deleted && row.deletedMs ? localStamp(row.deletedMs, ctx) : null,
  };
}

const NOT_IN_LIST = ['report', 'parts', 'preferences', 'otherTechnicians', 'timeEntries'];

/** A simplified job (job/list): no report, parts, preferences, time entries; other technicians on request. */
export function simplifiedJob(row: Row, ctx: Ctx, withOtherTechnicians: boolean): Doc {
  const full = fullJob(row, ctx);
  const out: Doc = {};
  for (const [k, v] of Object.entries(full)) {
    if (k === 'otherTechnicians' ? withOtherTechnicians : !NOT_IN_LIST.includes(k)) out[k] = v;
  }
  return out;
}

/** What a production account's job/list rows lack although the reference's simplified job has them. */
const NOT_IN_OBSERVED_ROW = [
  'report',
  'parts',
  'otherTechnicians',
  'timeEntries',
  'duration',
  'skills',
  'tags',
  'validateBy',
  'dateDeleted',
];

/**
 * A job/list row as a real account's export shows it (--list-shape observed): preferences and project are there,
 * duration, skills, tags, validateBy and dateDeleted are not. The sandbox has no projects: project is null.
 */
export function observedListJob(row: Row, ctx: Ctx, withOtherTechnicians: boolean): Doc {
  const full = fullJob(row, ctx);
  const out: Doc = {};
  for (const [k, v] of Object.entries(full)) {
    if (k === 'otherTechnicians' ? withOtherTechnicians : !NOT_IN_OBSERVED_ROW.includes(k)) out[k] = v;
  }
  out.project = null;
  return out;
}

/** Writes the timeline item of a job event (another module owns timeline/list). */
export function writeTimeline(store: Store, ctx: Ctx, job: Doc, event: string, user: UserRef | null): void {
  store.collection('timeline').insert({
    type: null,
    title: `Job ${String(job.num)} ${event}`,
    content: (job.description as string) ?? null,
    isPinned: false,
    isPublic: false,
    dateCreated: localStamp(ctx.now, ctx),
    event,
    source: 'notification',
    customer: (job.customer as RecordRef | null) ?? null,
    site: (job.site as RecordRef | null) ?? null,
    equipment: (job.equipment as RecordRef | null) ?? null,
    job: { id: job.id, num: String(job.num), myId: (job.myId as string) ?? null },
    user,
  });
}

/** The status a job reaches by `action`, or a 400 in plain words. */
export function transition(job: Doc, action: JobAction): JobStatus {
  const status = job.status;
  if (!isJobStatus(status)) throw new Error(`Job ${String(job.id)} has an unknown status ${String(status)}`);
  const next = nextStatus(status, action);
  if (!next) throw badRequest(transitionError(status, action, `Job ${String(job.num)}`));
  return next;
}

/** Saves a job whose status changed and writes the matching timeline item. */
export function saveWithEvent(store: Store, ctx: Ctx, row: Row, doc: Doc, event: string, user: UserRef | null): Row {
  const saved = store.collection('job').update(row.id, doc);
  writeTimeline(store, ctx, saved.doc, event, user);
  return saved;
}
