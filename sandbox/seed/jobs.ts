/**
 * Jobs as documents, exactly as job.ts / job-shared.ts write them (same fields, explicit nulls, `_validatedMs` and
 * `_reportModifiedMs` bookkeeping), numbered from 1001 in creation order like nextJobNum, with the status timeline
 * items writeTimeline would have written at each step (source "notification", type null, job.num as a string).
 * Completed work carries actual times, time entries, duration, a filled report and parts.
 */
import { type LocalDateTime } from '../../lib/synchroteam/dates';
import { buildReport } from '../resources/jobreport';
import { workedMinutes, type TimeEntry } from '../resources/job-shared';
import type { Doc } from '../store/collection';
import type { Catalogue } from './catalogue';
import { jobRef, recordRef, userRef, type SeedContext } from './context';
import type { CustomFieldSet } from './customfields';
import type { Customers } from './customers';
import { Planner, type JobSpec } from './jobs-plan';
import type { People } from './people';
import { fillReport } from './reports';

export interface SeededJob {
  doc: Doc;
  spec: JobSpec;
  /** When the job reached its status (epoch ms), for billing dates. */
  doneMs: number | null;
}

const DESCRIPTIONS: Record<string, string[]> = {
  HVAC: [
    'No cooling - unit short cycling',
    'Seasonal maintenance and filter change',
    'Thermostat not responding',
    'Strange noise from blower',
    'Rooftop unit tripping breaker',
  ],
  Refrigeration: [
    'Walk-in cooler not holding temperature',
    'Ice machine producing thin ice',
    'Freezer door gasket torn',
    'Compressor running constantly',
  ],
  Boilers: [
    'No heat in east wing',
    'Annual boiler inspection',
    'Pressure relief valve dripping',
    'Pilot will not stay lit',
  ],
  Plumbing: [
    'Leak under kitchen sink',
    'Water heater replacement',
    'Slow drains in restrooms',
    'Running toilet',
    'Sump pump alarm',
  ],
  Electrical: [
    'Breaker keeps tripping',
    'Annual panel inspection',
    'Install GFCI outlets in kitchen',
    'Generator load test',
  ],
  Backflow: ['Annual backflow test for city certification', 'Backflow preventer leaking'],
  'Fire Safety': [
    'Quarterly sprinkler inspection',
    'Replace fire extinguishers',
    'Kitchen hood suppression inspection',
  ],
  general: [
    'Service call - see notes',
    'Estimate for replacement',
    'Customer reports intermittent issue',
    'Follow-up visit',
  ],
};

const DEFAULT_PREFS = () => ({
  date: null,
  dateTime: null,
  isDraft: false,
  isPool: false,
  schedulingWindow: null,
  team: null,
  user: null,
});

export class JobBuilder {
  private readonly reports = new Map<number, Doc[]>();
  private num = 1000;
  readonly jobs: SeededJob[] = [];

  constructor(
    private readonly c: SeedContext,
    private readonly people: People,
    private readonly cat: Catalogue,
    private readonly cf: CustomFieldSet,
  ) {}

  private emptyReport(templateId: number): Doc[] {
    let r = this.reports.get(templateId);
    if (!r) {
      r = buildReport(this.c.store, templateId);
      this.reports.set(templateId, r);
    }
    // Shared, never mutated: documents are serialized as they are written, and filled reports are new objects.
    return r;
  }

  private timeline(job: Doc, event: string, ms: number, user: Doc | null): void {
    const c = this.c;
    c.w.add('timeline', {
      doc: {
        id: c.w.id('timeline'),
        type: null,
        title: `Job ${String(job.num)} ${event}`,
        content: (job.description as string) ?? null,
        isPinned: false,
        isPublic: false,
        dateCreated: c.api(c.local(ms)),
        event,
        source: 'notification',
        customer: job.customer ?? null,
        site: job.site ?? null,
        equipment: job.equipment ?? null,
        job: { id: job.id, num: String(job.num), myId: (job.myId as string) ?? null },
        user,
      },
      createdMs: ms,
    });
  }

  private parts(spec: JobSpec): Doc[] {
    const trade = spec.type.trade;
    const usable = this.cat.parts.filter(
      (p) => p.doc.type === 'part' && (trade ? p.trades.includes(trade) : p.trades.length === 0 || this.c.chance(0.1)),
    );
    if (!usable.length || this.c.chance(0.35)) return [];
    return this.c.f.helpers.arrayElements(usable, { min: 1, max: 3 }).map((p) => ({
      id: p.doc.id,
      quantity: p.doc.isSerializable ? 1 : this.c.int(1, 4),
      reference: p.doc.reference,
      serialNumbers: p.doc.isSerializable ? [`${String(p.doc.reference)}-${this.c.int(200000, 899999)}`] : null,
    }));
  }

  private timeEntries(tech: Doc, start: LocalDateTime, end: LocalDateTime | null): Doc[] {
    const user = userRef(tech);
    const c = this.c;
    if (!end) return [{ user, start: c.api(start), stop: null }];
    const total = Math.round((c.ms(end) - c.ms(start)) / 60_000);
    if (total < 90 || c.chance(0.6)) return [{ user, start: c.api(start), stop: c.api(end) }];
    // A break for parts or lunch in the middle of a long job.
    const cut = Math.round(total * 0.5);
    const resume = cut + c.int(10, 25);
    const ms0 = c.ms(start);
    const endOfFirst = c.local(ms0 + cut * 60_000);
    const resumeAt = c.local(ms0 + Math.min(resume, total - 5) * 60_000);
    return [
      { user, start: c.api(start), stop: c.api(endOfFirst) },
      { user, start: c.api(resumeAt), stop: c.api(end) },
    ];
  }

  build(spec: JobSpec): SeededJob {
    const c = this.c;
    const s = spec.site;
    const trade = spec.type.trade ?? 'general';
    const num = ++this.num;
    const tech = spec.tech?.doc ?? null;
    const creator = spec.createdByCustomer
      ? null
      : c.chance(0.7)
        ? this.people.managers[0]
        : c.pick(this.people.managers);
    const doc: Doc = {
      id: c.uuid(),
      myId: spec.myId ?? (c.chance(0.4) ? `WO-${50000 + num}` : null),
      num,
      description: c.pick(DESCRIPTIONS[trade] ?? DESCRIPTIONS.general),
      priority: spec.type.doc.priority === 'high' || c.chance(0.1) ? 'high' : (spec.type.doc.priority as string),
      customer: recordRef(s.customer),
      site: recordRef(s.site),
      equipment: spec.equipment ? recordRef(spec.equipment) : null,
      type: { id: spec.type.doc.id, name: spec.type.doc.name },
      reportTemplate: { id: spec.type.template.id, name: spec.type.template.name },
      technician: tech ? userRef(tech) : null,
      otherTechnicians: spec.helper ? [userRef(spec.helper.doc)] : [],
      createdBy: creator ? userRef(creator) : null,
      address: s.site.address,
      addressStreet: s.site.addressStreet,
      addressComplement: s.site.addressComplement,
      addressZIP: s.site.addressZIP,
      addressCity: s.site.addressCity,
      addressProvince: s.site.addressProvince,
      addressCountry: s.site.addressCountry,
      position: s.site.position,
      contactFirstName: s.contact.firstName,
      contactLastName: s.contact.lastName,
      contactMobile: s.contact.mobile,
      contactPhone: s.contact.phone,
      contactEmail: spec.contactEmail ?? s.contact.email,
      scheduledStart: spec.start ? c.api(spec.start) : null,
      scheduledEnd: spec.end ? c.api(spec.end) : null,
      actualStart: spec.actualStart ? c.api(spec.actualStart) : null,
      actualEnd: spec.actualEnd ? c.api(spec.actualEnd) : null,
      createdByCustomer: spec.createdByCustomer ?? false,
      duration: 0,
      status: spec.status,
      publicLink: `https://${c.config.domain}.synchroteam.com/Jobs/PublicJob/${c.uuid()}`,
      timeEntries: [],
      parts: [],
      report: this.emptyReport(spec.type.template.id as number),
      customFieldValues: this.cf.values('job'),
      preferences: spec.preferences ?? DEFAULT_PREFS(),
      skills: [...(spec.type.doc.skills as string[])],
      tags: [],
      validateBy: null,
    };
    let modifiedMs = spec.createdMs;
    let doneMs: number | null = null;
    const events: [string, number, Doc | null][] = [['created', spec.createdMs, doc.createdBy as Doc | null]];
    if (tech && spec.start) {
      const scheduledMs = c.past(Math.min(spec.createdMs + c.int(1, 240) * 60_000, c.ms(spec.start)), num);
      events.push(['scheduled', Math.max(scheduledMs, spec.createdMs), doc.technician as Doc]);
      modifiedMs = scheduledMs;
    }
    if (spec.status === 'synchronized') {
      const syncMs = Math.min(c.now - c.int(1, 120) * 60_000, c.ms(spec.start!));
      events.push(['synchronized', Math.max(syncMs, modifiedMs), doc.technician as Doc]);
    }
    if (spec.actualStart) {
      doc.timeEntries = this.timeEntries(tech!, spec.actualStart, spec.actualEnd);
      events.push(['started', c.ms(spec.actualStart), doc.technician as Doc]);
      modifiedMs = c.ms(spec.actualStart);
    }
    if (spec.actualEnd) {
      const endMs = c.ms(spec.actualEnd);
      doc.duration = workedMinutes(doc.timeEntries as TimeEntry[]);
      doc.parts = this.parts(spec);
      doc.report = fillReport(c, doc.report as Doc[], spec.actualStart!, num);
      doc._reportModifiedMs = endMs;
      events.push(['completed', endMs, doc.technician as Doc]);
      modifiedMs = endMs;
      doneMs = endMs;
    }
    if (spec.status === 'validated') {
      const validator = c.pick(this.people.managers);
      const vMs = Math.max(c.past(c.ms(spec.actualEnd!) + c.int(2, 30) * 3_600_000, num), c.ms(spec.actualEnd!));
      doc.validateBy = {
        id: validator.id,
        login: validator.login,
        name: `${validator.firstName} ${validator.lastName}`,
        date: c.api(c.local(vMs)),
      };
      doc._validatedMs = vMs;
      events.push(['validated', vMs, userRef(validator) as unknown as Doc]);
      modifiedMs = vMs;
      doneMs = vMs;
    }
    if (spec.status === 'cancelled') {
      const cMs = c.past(c.ms(spec.start!) - c.int(1, 48) * 3_600_000, num);
      events.push(['cancelled', Math.max(cMs, modifiedMs), null]);
      modifiedMs = Math.max(cMs, modifiedMs);
    }
    c.w.add('job', { doc, createdMs: spec.createdMs, modifiedMs: Math.max(modifiedMs, spec.createdMs) });
    for (const [event, ms, user] of events)
      this.timeline(doc, event, ms, user && { id: user.id, name: user.name, login: user.login });
    const seeded = { doc, spec, doneMs };
    this.jobs.push(seeded);
    return seeded;
  }
}

export interface SeededJobs {
  jobs: SeededJob[];
}

/** Plans and writes every job (numbered in creation order) with its timeline. */
export function seedJobs(
  c: SeedContext,
  people: People,
  customers: Customers,
  cat: Catalogue,
  cf: CustomFieldSet,
): SeededJobs {
  const planner = new Planner(c, people, customers, cat);
  planner.planFixed();
  planner.planRoutes();
  planner.planUnscheduled();
  const specs = planner.specs.sort((a, b) => a.createdMs - b.createdMs);
  const builder = new JobBuilder(c, people, cat, cf);
  for (const spec of specs) builder.build(spec);
  c.w.flush();
  return { jobs: builder.jobs };
}

export { jobRef };
