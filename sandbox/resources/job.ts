/**
 * Jobs: job/details, job/send (create or update), job/delete; and the registration of the whole job domain
 * (list, life cycle, photos, parts, types, windows, reports, templates, blocks, recurrences).
 *
 * Readings taken (see job-shared.ts for keys, dates, duration and timeline items):
 * - send: "if idJob or myId or num exist, the job will be updated, if not the job will be created". An unknown key
 *   creates: the sent `id` and `num` are KEPT when no job (deleted ones included) holds them, so sending the same
 *   body twice updates the job the first call created; one already held by a deleted job is replaced by a new one
 *   (ids and numbers are never reused). The answer carries the id and num actually stored.
 *   `num` never changes: sent with another key that names a job with a different num, it is a 400.
 * - id is a UUID string; num comes from a sequence (highest num ever used + 1, deleted jobs included, from 1001).
 * - Creating needs a customer or a site (by id, myId or name); the customer is inferred from the site; a site or
 *   piece of equipment of another customer is a 400. Changing the customer drops a site/equipment of the old one.
 * - Fields not sent keep their value. Read-only fields of the job object (id, num, status, actualStart/End,
 *   duration, timeEntries, parts, tags, publicLink, validateBy, dates) are ignored, so a client may send back a job
 *   it read. `report` is used only on creation (simplified report) and ignored on update, as documented.
 * - On creation, when no address field or position is sent, address and position come from the site, else the
 *   customer; each contact field not sent comes from the site, else the customer.
 * - The job type gives the defaults of priority, skills and report template on creation (no type sent → the
 *   default type, if any); its duration gives scheduledEnd when only scheduledStart is known (1 hour without type).
 *   Changing the report template rebuilds the report, keeping the values of items still present.
 * - Status is never written directly: a created job sent with a technician and scheduledStart becomes scheduled.
 *   The schedule (technician, otherTechnicians, scheduledStart/End) can change through send only while the job is
 *   created, scheduled or synchronized; clearing the technician of a scheduled job must go through job/unschedule.
 * - delete is soft: details answers 404, list?show=deleted|all shows the job with dateDeleted; nothing undeletes.
 */
import { randomUUID } from 'node:crypto';
import { addMinutesLocal, parseApiDate } from '../../lib/synchroteam/dates';
import { badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { Doc, Row } from '../store/collection';
import type { Store } from '../store/store';
import {
  ADDRESS_FIELDS,
  applyAddress,
  checkMandatoryCustomFields,
  field,
  has,
  mergeCustomFieldValues,
  optBool,
  optDate,
  optEnum,
  optString,
  optStringList,
  requireObject,
  resolveRef,
  type Body,
  type Ctx,
} from './common';
import { registerBlocks } from './block';
import { registerJobList } from './job-list';
import { registerJobLifecycle } from './job-lifecycle';
import { registerJobPhotosParts } from './job-photos-parts';
import { readPreferences } from './job-preferences';
import {
  CONTACT_FIELDS,
  emit,
  findJobForUpsert,
  fullJob,
  jobFromQuery,
  namedRef,
  recordRef,
  resolveUser,
  resolveUsers,
  typeDurationMinutes,
  userRef,
  writeTimeline,
} from './job-shared';
import { applySimplifiedReport, buildReport, registerJobReports } from './jobreport';
import { registerSchedulingWindows } from './jobschedulingwindow';
import { PRIORITIES, registerJobTypes } from './jobtype';
import { registerRecurrences } from './recurrence';
import { registerReportTemplates } from './reporttemplate';

const REF_KEYS = { id: 'id', myId: 'my_id', name: 'name' };

/** The next job number: one more than any number ever used (deleted jobs included). */
export function nextJobNum(store: Store): number {
  const r = store.db.prepare('SELECT MAX(num) AS n FROM r_job').get() as { n: number | null };
  return Math.max(1000, r.n ?? 0) + 1;
}

function newJob(ctx: Ctx, store: Store): Doc {
  const doc: Doc = {
    id: randomUUID(),
    myId: null,
    num: nextJobNum(store),
    description: null,
    priority: 'medium',
    customer: null,
    site: null,
    equipment: null,
    type: null,
    reportTemplate: null,
    technician: null,
    otherTechnicians: [],
    createdBy: null,
  };
  for (const f of ADDRESS_FIELDS) doc[f] = null;
  doc.position = null;
  for (const f of CONTACT_FIELDS) doc[f] = null;
  Object.assign(doc, {
    scheduledStart: null,
    scheduledEnd: null,
    actualStart: null,
    actualEnd: null,
    createdByCustomer: false,
    duration: 0,
    status: 'created',
    publicLink: `https://${ctx.config.domain}.synchroteam.com/Jobs/PublicJob/${randomUUID()}`,
    timeEntries: [],
    parts: [],
    report: [],
    customFieldValues: [],
    preferences: {
      date: null,
      dateTime: null,
      isDraft: false,
      isPool: false,
      schedulingWindow: null,
      team: null,
      user: null,
    },
    skills: [],
    tags: [],
    validateBy: null,
  });
  return doc;
}

/** customer / site / equipment, kept consistent with each other. */
function applyParties(store: Store, doc: Doc, body: Body, creating: boolean): void {
  const customers = store.collection('customer');
  const cust = resolveRef(field(body, 'customer'), customers, REF_KEYS, 'customer');
  const site = resolveRef(field(body, 'site'), store.collection('site'), REF_KEYS, 'site');
  const eq = resolveRef(field(body, 'equipment'), store.collection('equipment'), REF_KEYS, 'equipment');
  if (cust === null) throw badRequest(`Field 'customer' cannot be null: a job belongs to a customer`);
  let customer: Row | null = cust ?? (doc.customer ? customers.get((doc.customer as Doc).id as number) : null);
  if (site) {
    const siteCustomerId = (site.doc.customer as Doc | null)?.id;
    if (cust && siteCustomerId !== undefined && siteCustomerId !== cust.id) {
      throw badRequest(
        `Field 'site': site ${String(site.id)} belongs to another customer than customer ${String(cust.id)}`,
      );
    }
    if (!cust) {
      const owner =
        siteCustomerId !== undefined && siteCustomerId !== null ? customers.get(siteCustomerId as number) : null;
      if (!owner) throw badRequest(`Field 'site': site ${String(site.id)} has no customer`);
      customer = owner;
    }
  }
  if (!customer) throw badRequest(`Field 'customer' or 'site' is required to create a job`);
  const changedCustomer = !creating && (doc.customer as Doc | null)?.id !== customer.id;
  doc.customer = recordRef(customer.doc);
  if (site !== undefined) doc.site = site ? recordRef(site.doc) : null;
  else if (changedCustomer) doc.site = null;
  if (eq) {
    const eqCustomerId = (eq.doc.customer as Doc | null)?.id;
    if (eqCustomerId !== undefined && eqCustomerId !== null && eqCustomerId !== customer.id) {
      throw badRequest(`Field 'equipment': equipment ${String(eq.id)} belongs to another customer`);
    }
  }
  if (eq !== undefined) doc.equipment = eq ? recordRef(eq.doc) : null;
  else if (changedCustomer) doc.equipment = null;
}

/** Address and contacts: sent values, else (on creation) the site's, else the customer's. */
function applyAddressAndContacts(store: Store, doc: Doc, body: Body, creating: boolean): void {
  const addressSent = ADDRESS_FIELDS.some((f) => has(body, f)) || has(body, 'position');
  const siteId = (doc.site as Doc | null)?.id;
  const source = creating
    ? ((siteId ? store.collection('site').get(siteId as number)?.doc : null) ??
      store.collection('customer').get((doc.customer as Doc).id as number)?.doc)
    : null;
  if (addressSent) applyAddress(doc, body);
  else if (source) {
    for (const f of ADDRESS_FIELDS) doc[f] = (source[f] as string) ?? null;
    doc.position = source.position ?? null;
  }
  for (const f of CONTACT_FIELDS) {
    const v = optString(body, f, 500);
    if (v !== undefined) doc[f] = v;
    else if (source) doc[f] = (source[f] as string) ?? null;
  }
  if (
    typeof doc.contactEmail === 'string' &&
    doc.contactEmail &&
    !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(doc.contactEmail)
  ) {
    throw badRequest(`Field 'contactEmail' is not a valid email address`);
  }
}

/** Job type and what it implies (priority, skills, report template) on creation. */
function applyTypeAndTemplate(store: Store, doc: Doc, body: Body, creating: boolean): void {
  const types = store.collection('jobtype');
  const templates = store.collection('reporttemplate');
  const typeRow = resolveRef(field(body, 'type'), types, { id: 'id', name: 'name' }, 'type');
  if (typeRow !== undefined) doc.type = typeRow ? namedRef(typeRow.doc) : null;
  else if (creating) {
    const def = types.all('1=1').find((r) => r.doc.isDefault);
    if (def) doc.type = namedRef(def.doc);
  }
  const type = doc.type ? types.get((doc.type as Doc).id as number)?.doc : null;

  const priority = optEnum(body, 'priority', PRIORITIES);
  if (priority) doc.priority = priority;
  else if (creating) doc.priority = (type?.priority as string) ?? 'medium';
  const skills = optStringList(body, 'skills');
  if (skills !== undefined) doc.skills = skills;
  else if (creating) doc.skills = [...((type?.skills as string[]) ?? [])];

  const before = (doc.reportTemplate as Doc | null)?.id ?? null;
  const tpl = resolveRef(field(body, 'reportTemplate'), templates, { id: 'id', name: 'name' }, 'reportTemplate');
  if (tpl !== undefined) doc.reportTemplate = tpl ? namedRef(tpl.doc) : null;
  else if (creating) {
    const fromType = (type?.defaultJobReport as Doc | null)?.id;
    const chosen =
      (fromType ? templates.get(fromType as number) : null) ??
      templates.all('1=1').find((r) => r.doc.isDefault) ??
      null;
    doc.reportTemplate = chosen ? namedRef(chosen.doc) : null;
  }
  const after = (doc.reportTemplate as Doc | null)?.id ?? null;
  if (creating || after !== before)
    doc.report = buildReport(store, after as number | null, creating ? [] : ((doc.report as Doc[]) ?? []));
}

/** technician / otherTechnicians / scheduledStart / scheduledEnd through job/send. */
function applySchedule(store: Store, doc: Doc, body: Body): void {
  const sent = ['technician', 'otherTechnicians', 'scheduledStart', 'scheduledEnd'].filter((f) => has(body, f));
  if (!sent.length) return;
  if (!['created', 'scheduled', 'synchronized'].includes(doc.status as string)) {
    throw badRequest(
      `Field '${sent[0]}': job ${String(doc.num)} is ${String(doc.status)}, its schedule can no longer change through job/send`,
    );
  }
  const tech = field(body, 'technician');
  if (tech === null && doc.status !== 'created') {
    throw badRequest(
      `Field 'technician': job ${String(doc.num)} is ${String(doc.status)}; use job/unschedule to clear its technician`,
    );
  }
  if (tech !== undefined) doc.technician = tech === null ? null : userRef(resolveUser(store, tech, 'technician')!);
  if (has(body, 'otherTechnicians'))
    doc.otherTechnicians = resolveUsers(store, field(body, 'otherTechnicians'), 'otherTechnicians');
  const start = optDate(body, 'scheduledStart');
  const end = optDate(body, 'scheduledEnd');
  if (start === null && doc.status !== 'created') {
    throw badRequest(
      `Field 'scheduledStart': job ${String(doc.num)} is ${String(doc.status)}; use job/unschedule to clear its schedule`,
    );
  }
  if (start !== undefined) doc.scheduledStart = emit(start);
  const s = parseApiDate(doc.scheduledStart);
  if (end !== undefined) doc.scheduledEnd = emit(end);
  else if (start !== undefined) doc.scheduledEnd = s ? emit(addMinutesLocal(s, typeDurationMinutes(store, doc))) : null;
  if (doc.scheduledEnd && !s) throw badRequest(`Field 'scheduledStart' is required with scheduledEnd`);
  const e = parseApiDate(doc.scheduledEnd);
  if (s && e && e <= s) throw badRequest(`Field 'scheduledEnd' must be after scheduledStart`);
  if (doc.status === 'created' && doc.technician && doc.scheduledStart) doc.status = 'scheduled';
}

/**
 * A job created by send keeps the `id` and `num` its caller sent, when they are free (deleted jobs included), so an
 * integration that numbers its own jobs finds them under its numbers. A malformed num is a 400 (findJobForUpsert).
 */
function keepSentKeys(store: Store, doc: Doc, body: Body): void {
  const jobs = store.collection('job');
  const id = field(body, 'id');
  if (typeof id === 'string' && id.trim() && id.length <= 100 && !jobs.get(id.trim(), { includeDeleted: true }))
    doc.id = id.trim();
  const num = Number(field(body, 'num'));
  if (Number.isSafeInteger(num) && num > 0 && !jobs.findBy('num', num, { includeDeleted: true }).length) doc.num = num;
}

export function registerJobs(router: Router, store: Store): void {
  const jobs = store.collection('job');

  router.get('job/details', (ctx) => fullJob(jobFromQuery(ctx.query, store), ctx));

  router.post('job/send', (ctx) => {
    const body = requireObject(ctx.body);
    const { row: existing } = findJobForUpsert(body, store);
    const sentNum = field(body, 'num');
    if (
      existing &&
      sentNum !== undefined &&
      sentNum !== null &&
      sentNum !== 0 &&
      Number(sentNum) !== existing.doc.num
    ) {
      throw badRequest(`Field 'num' is read-only: job ${String(existing.id)} has num ${String(existing.doc.num)}`);
    }
    const creating = !existing;
    const doc: Doc = existing ? structuredClone(existing.doc) : newJob(ctx, store);
    if (creating) keepSentKeys(store, doc, body);
    const statusBefore = doc.status;

    const myId = optString(body, 'myId', 100);
    if (myId !== undefined) doc.myId = myId || null;
    if (doc.myId) {
      const clash = jobs.findBy('my_id', doc.myId).find((r) => r.id !== existing?.id);
      if (clash) throw badRequest(`Field 'myId': another job already uses myId '${String(doc.myId)}'`);
    }
    const description = optString(body, 'description', 10000);
    if (description !== undefined) doc.description = description;

    applyParties(store, doc, body, creating);
    applyTypeAndTemplate(store, doc, body, creating);
    applyAddressAndContacts(store, doc, body, creating);
    if (creating && has(body, 'createdBy'))
      doc.createdBy = userRef(resolveUser(store, field(body, 'createdBy'), 'createdBy')!);
    const byCustomer = optBool(body, 'createdByCustomer');
    if (byCustomer !== undefined) doc.createdByCustomer = byCustomer;
    applySchedule(store, doc, body);
    if (has(body, 'preferences'))
      doc.preferences = readPreferences(store, doc.preferences as Doc, field(body, 'preferences'));
    doc.customFieldValues = mergeCustomFieldValues(
      store,
      'job',
      doc.customFieldValues,
      field(body, 'customFieldValues'),
    );
    if (creating) checkMandatoryCustomFields(store, 'job', doc.customFieldValues as never);
    if (creating && field(body, 'report') !== undefined && field(body, 'report') !== null) {
      doc.report = applySimplifiedReport(doc.report as Doc[], field(body, 'report'));
      doc._reportModifiedMs = ctx.now;
    }

    const row = existing ? jobs.update(existing.id, doc) : jobs.insert(doc);
    if (creating) writeTimeline(store, ctx, row.doc, 'created', (doc.createdBy as never) ?? null);
    if (doc.status !== statusBefore || (creating && doc.status === 'scheduled')) {
      writeTimeline(store, ctx, row.doc, doc.status as string, (doc.technician as never) ?? null);
    }
    return fullJob(row, ctx);
  });

  router.delete('job/delete', (ctx) => {
    const row = jobFromQuery(ctx.query, store);
    jobs.setDeleted(row.id, true);
    writeTimeline(store, ctx, row.doc, 'deleted', null);
    return [{ id: row.id, deleted: true }];
  });
}

/** Registers every endpoint of the job domain (one call from resources/index.ts). */
export function registerJobDomain(router: Router, store: Store): void {
  registerJobs(router, store);
  registerJobList(router, store);
  registerJobLifecycle(router, store);
  registerJobPhotosParts(router, store);
  registerJobTypes(router, store);
  registerSchedulingWindows(router, store);
  registerJobReports(router, store);
  registerReportTemplates(router, store);
  registerBlocks(router, store);
  registerRecurrences(router, store);
}
