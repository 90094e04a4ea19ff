/**
 * Follow-up work around customers and jobs: maintenance recurrences (as recurrence.ts writes them, numbered from the
 * `recurrence.num` sequence), timeline notes / calls / emails written by the office, tasks (some done), and the
 * technicians' clock and travel activities of past work days.
 */
import type { Doc } from '../store/collection';
import type { Catalogue } from './catalogue';
import { recordRef, userRef, type SeedContext } from './context';
import type { CustomFieldSet } from './customfields';
import type { Customers } from './customers';
import type { SeededJob } from './jobs';
import { addActivity, type People } from './people';
import { datePart } from '../../lib/synchroteam/dates';

const CONTACT_FIELDS = [
  'contactFirstName',
  'contactLastName',
  'contactMobile',
  'contactPhone',
  'contactEmail',
] as const;
const ADDRESS = [
  'address',
  'addressStreet',
  'addressComplement',
  'addressZIP',
  'addressCity',
  'addressProvince',
  'addressCountry',
] as const;

export function seedRecurrences(
  c: SeedContext,
  people: People,
  customers: Customers,
  cat: Catalogue,
  cf: CustomFieldSet,
): number {
  const commercial = customers.active.filter((s) => !(s.customer.tags as string[]).includes('residential'));
  const count = Math.max(12, Math.round(commercial.length * 0.06));
  let num = 0;
  for (let i = 0; i < count && commercial.length; i++) {
    const s = commercial[(i * 7919) % commercial.length];
    const maintenance = cat.jobTypes.filter(
      (t) => t.trade && s.trades.includes(t.trade) && /Maintenance|Inspection|Test|Service/.test(String(t.doc.name)),
    );
    const type = maintenance.length ? c.pick(maintenance) : cat.jobTypes[0];
    const eq = s.equipment.find((_, k) => s.trades[k % s.trades.length] === type.trade) ?? null;
    const level = c.pick(['month', 'month', 'year', 'week'] as const);
    const team = c.pick(people.teams);
    const doc: Doc = {
      id: c.w.id('recurrence'),
      myId: c.chance(0.5) ? `PM-${2000 + i}` : null,
      num: ++num,
      description: `${level === 'year' ? 'Annual' : level === 'month' ? 'Monthly' : 'Weekly'} ${String(type.doc.name).toLowerCase()}`,
      priority: 'medium',
      customer: recordRef(s.customer),
      site: recordRef(s.site),
      equipment: eq ? recordRef(eq) : null,
      type: { id: type.doc.id, name: type.doc.name },
      reportTemplate: { id: type.template.id, name: type.template.name },
      createdBy: userRef(people.managers[0]),
      dateStart: c.api(c.at(c.day(-c.int(30, 700)), 0)),
      dateEnd: c.chance(0.3) ? c.api(c.at(c.day(c.int(60, 500)), 0)) : null,
      frequency: level === 'week' ? c.pick([1, 2]) : level === 'month' ? c.pick([1, 3, 6]) : 1,
      frequencyLevel: level,
      days: level === 'week' ? c.pick(['1', '2', '3', '4', '5', '1,4']) : null,
      duration: type.doc.duration,
      customFields: cf.values('job'),
      isClosed: c.chance(0.1),
      idContract: null,
      preferences: {
        schedulingWindow: c.chance(0.6) ? { id: c.pick(cat.windows).id, name: null } : null,
        team: { id: team.id, name: team.name },
        user: null,
        autoScheduleDays: c.pick([0, 7, 14]),
        flAutoSchedule: c.chance(0.5),
        specificTime: c.chance(0.2) ? '09:00' : null,
      },
    };
    const prefs = doc.preferences as Doc;
    if (prefs.schedulingWindow) {
      const w = cat.windows.find((x) => x.id === (prefs.schedulingWindow as Doc).id)!;
      prefs.schedulingWindow = { id: w.id, name: w.name };
    }
    for (const f of ADDRESS) doc[f] = s.site[f] ?? null;
    doc.position = s.site.position;
    for (const f of CONTACT_FIELDS) doc[f] = (s.site[f] as string) ?? null;
    const created = c.now - c.int(30, 700) * 86_400_000;
    c.w.add('recurrence', { doc, createdMs: created });
  }
  c.w.setCounter('recurrence.num', num);
  return num;
}

const NOTES: [string, string, string][] = [
  ['call', 'Customer called', 'Asked about the invoice and next maintenance visit.'],
  ['email', 'Quote sent', 'Sent the replacement quote by email.'],
  ['note', 'Access', 'Building manager changed; new contact at front desk.'],
  ['meeting', 'Site walk', 'Walked the site with the facilities manager to plan the work.'],
  ['sms', 'ETA sent', 'Texted the technician ETA to the customer.'],
  ['note', 'Parts on order', 'Waiting on parts from the supplier, ETA 3 days.'],
];

const TASK_TEXT: [string, string][] = [
  ['followup', 'Call customer to confirm repair is holding'],
  ['rappel', 'Schedule next maintenance visit'],
  ['email', 'Email the inspection report to the property manager'],
  ['meeting', 'Review replacement proposal with customer'],
  ['followup', 'Order replacement part and schedule return visit'],
];

/** Office notes on jobs and customers, and tasks; returns counts. */
export function seedNotesAndTasks(
  c: SeedContext,
  people: People,
  customers: Customers,
  jobs: SeededJob[],
): { notes: number; tasks: number } {
  let notes = 0;
  let tasks = 0;
  const office = [people.admin, ...people.managers];
  const share = c.opts.size === 'large' ? 0.03 : 0.12;
  for (const j of jobs) {
    if (!c.chance(share)) continue;
    const d = j.doc;
    const [type, title, content] = c.pick(NOTES);
    const ms = Math.min(j.spec.createdMs + c.int(10, 60 * 48) * 60_000, c.now - 60_000);
    const author = c.pick(office);
    c.w.add('timeline', {
      doc: {
        id: c.w.id('timeline'),
        type,
        title,
        content,
        isPinned: c.chance(0.1),
        isPublic: c.chance(0.2),
        dateCreated: c.api(c.local(ms)),
        event: null,
        source: 'timeline',
        customer: d.customer,
        site: d.site,
        equipment: d.equipment,
        job: { id: d.id, num: String(d.num), myId: (d.myId as string) ?? null },
        user: userRef(author),
      },
      createdMs: ms,
    });
    notes++;
    if (c.chance(0.5)) {
      const [category, text] = c.pick(TASK_TEXT);
      const due = c.at(c.day(c.int(-10, 20)), c.pick([9, 10, 14, 16]) * 60);
      const done = c.ms(due) < c.now && c.chance(0.7);
      const doneBy = c.pick(office);
      const createdMs = Math.min(ms + 60_000, c.now - 30_000);
      c.w.add('task', {
        doc: {
          id: c.w.id('task'),
          content: text,
          dateDue: c.api(due),
          dateCreated: c.api(c.local(createdMs)),
          dateDone: done ? c.api(c.local(Math.min(c.ms(due), c.now - 60_000))) : null,
          customer: d.customer,
          site: d.site,
          equipment: d.equipment,
          job: { id: d.id, myId: (d.myId as string) ?? null, num: String(d.num) },
          user: userRef(author),
          userDone: done ? userRef(doneBy) : null,
          category,
        },
        createdMs,
      });
      tasks++;
    }
  }
  // A few customer-level notes (no job).
  for (let i = 0; i < Math.min(40, customers.active.length); i++) {
    const s = customers.active[(i * 104729) % customers.active.length];
    const [type, title, content] = c.pick(NOTES);
    const ms = c.now - c.int(60, 60 * 24 * 40) * 60_000;
    c.w.add('timeline', {
      doc: {
        id: c.w.id('timeline'),
        type,
        title,
        content,
        isPinned: i % 9 === 0,
        isPublic: false,
        dateCreated: c.api(c.local(ms)),
        event: null,
        source: 'timeline',
        customer: recordRef(s.customer),
        site: null,
        equipment: null,
        job: null,
        user: userRef(c.pick(office)),
      },
      createdMs: ms,
    });
    notes++;
  }
  return { notes, tasks };
}

/** Clock (work day) and travel activities for the technicians' past work days, from their completed jobs. */
export function seedWorkActivities(c: SeedContext, people: People, jobs: SeededJob[]): void {
  if (c.opts.size === 'large') return; // a benchmark does not need them; keeps the large seed fast
  const byTechDay = new Map<string, SeededJob[]>();
  for (const j of jobs) {
    if (!j.spec.tech || !j.spec.actualEnd) continue;
    const key = `${j.spec.tech.doc.id}|${datePart(j.spec.actualStart!)}`;
    (byTechDay.get(key) ?? byTechDay.set(key, []).get(key)!).push(j);
  }
  for (const list of byTechDay.values()) {
    list.sort((a, b) => (a.spec.actualStart! < b.spec.actualStart! ? -1 : 1));
    const tech = list[0].spec.tech!.doc;
    const first = list[0].spec.actualStart!;
    const last = list[list.length - 1].spec.actualEnd!;
    const clockIn = c.local(c.ms(first) - c.int(20, 45) * 60_000);
    const clockOut = c.local(c.ms(last) + c.int(20, 45) * 60_000);
    addActivity(c, people.activityTypes.clock, clockIn, clockOut, { user: tech }, null);
    addActivity(
      c,
      people.activityTypes.travel,
      clockIn,
      first,
      { user: tech },
      'To first job',
      Number(c.f.number.float({ min: 2, max: 25 }).toFixed(1)),
    );
  }
}
