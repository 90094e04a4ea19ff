/**
 * Planning the company's work: every technician's daily route over the past 6 weeks and the next 2 (weekdays for
 * everyone, weekends for an on-call quarter of the crew), on sites of the technician's team area, with job types the
 * technician is skilled for, travel time between stops, and realistic actual times. Produces job specs only; jobs.ts
 * turns them into documents.
 *
 * A job's state follows from the sandbox clock: past jobs are completed (validated after a day or two, a few
 * cancelled), today's jobs are completed / started / scheduled according to where their planned actual times fall
 * relative to now, future ones are scheduled (tomorrow's mostly synchronized to the technicians' devices).
 */
import type { LocalDateTime } from '../../lib/synchroteam/dates';
import type { Doc } from '../store/collection';
import { distanceKm, toGrid } from './addresses';
import type { Catalogue, JobTypeInfo } from './catalogue';
import type { SeedContext } from './context';
import type { Customers, SiteInfo } from './customers';
import type { People, Tech } from './people';
import { FIXED } from './fixed';

export type SeedJobStatus =
  'created' | 'scheduled' | 'synchronized' | 'started' | 'completed' | 'validated' | 'cancelled';

export interface JobSpec {
  tech: Tech | null;
  site: SiteInfo;
  equipment: Doc | null;
  type: JobTypeInfo;
  start: LocalDateTime | null;
  end: LocalDateTime | null;
  actualStart: LocalDateTime | null;
  actualEnd: LocalDateTime | null;
  status: SeedJobStatus;
  createdMs: number;
  myId?: string;
  contactEmail?: string;
  preferences?: Doc;
  createdByCustomer?: boolean;
  helper?: Tech;
}

/** Grid centers of team areas (x = east/west number, y = north/south number). */
const TEAM_CENTERS: [number, number][] = [
  [-2400, 4400],
  [-4400, 0],
  [-1600, -5500],
  [-800, -300],
  [-5600, 5200],
  [-4800, -5500],
  [-1400, 2800],
  [-1800, -1800],
  [-1000, -5000],
  [-3000, 2400],
  [-6000, 800],
  [-2000, -9500],
  [-1400, 4800],
  [-800, -3100],
  [-1600, 6000],
  [-5200, 3600],
];

const DAY_START = 7 * 60 + 30;
const DAY_END = 18 * 60 + 30;

function travelMinutes(a: { latitude: string; longitude: string }, b: { latitude: string; longitude: string }): number {
  // City driving ~ 25 km/h on the grid (Manhattan distance ≈ 1.3 × straight line), plus parking.
  return Math.max(10, Math.round((((distanceKm(a, b) * 1.3) / 25) * 60) / 5) * 5 + 5);
}

export class Planner {
  readonly specs: JobSpec[] = [];
  private readonly teamSites = new Map<Doc, SiteInfo[]>();
  private readonly nowLocal: LocalDateTime;

  constructor(
    private readonly c: SeedContext,
    private readonly people: People,
    private readonly customers: Customers,
    private readonly cat: Catalogue,
  ) {
    this.nowLocal = c.nowLocal();
    const centers = people.teams.map((_, i) => TEAM_CENTERS[i % TEAM_CENTERS.length]);
    for (const t of people.teams) this.teamSites.set(t, []);
    for (const s of customers.active) {
      const g = toGrid(Number((s.site.position as Doc).latitude), Number((s.site.position as Doc).longitude));
      let best = 0;
      let bestD = Infinity;
      centers.forEach(([x, y], i) => {
        const d = (x - g.x) ** 2 + (y - g.y) ** 2;
        if (d < bestD) [best, bestD] = [i, d];
      });
      this.teamSites.get(people.teams[best])!.push(s);
    }
    // A team without sites nearby borrows from everyone (tiny seeds).
    for (const t of people.teams) if (!this.teamSites.get(t)!.length) this.teamSites.set(t, customers.active);
  }

  /** A job type the technician can do on the site, and the equipment it concerns. */
  private pickWork(tech: Tech | null, site: SiteInfo): { type: JobTypeInfo; equipment: Doc | null } {
    const trades = tech ? (tech.doc.skilledTrades as string[]) : site.trades;
    const common = site.trades.filter((t) => trades.includes(t));
    if (common.length && this.c.chance(0.9)) {
      const trade = this.c.pick(common);
      const type = this.c.pick(this.cat.jobTypes.filter((t) => t.trade === trade));
      const eq = site.equipment.filter((_, i) => site.trades[i % site.trades.length] === trade);
      return { type, equipment: eq.length ? this.c.pick(eq) : null };
    }
    return { type: this.c.pick(this.cat.jobTypes.filter((t) => !t.trade)), equipment: null };
  }

  private statusFor(day: number, actualStart: LocalDateTime, actualEnd: LocalDateTime): SeedJobStatus {
    const c = this.c;
    if (day < 0) {
      if (c.chance(0.03)) return 'cancelled';
      return day <= -2 || c.chance(0.4) ? (c.chance(0.93) ? 'validated' : 'completed') : 'completed';
    }
    if (day === 0) {
      if (actualEnd <= this.nowLocal) return 'completed';
      if (actualStart <= this.nowLocal) return 'started';
      return c.chance(0.7) ? 'synchronized' : 'scheduled';
    }
    if (c.chance(0.01)) return 'cancelled';
    return day === 1 && c.chance(0.6) ? 'synchronized' : 'scheduled';
  }

  /** Creation time: some days before the work (never after now, never after the scheduled start). */
  private createdBefore(startLocal: LocalDateTime, maxDaysBefore: number): number {
    const startMs = this.c.ms(startLocal);
    const ms = startMs - this.c.int(1, maxDaysBefore * 24) * 3_600_000 - this.c.int(0, 3599) * 1000;
    return Math.min(ms, this.c.now - this.c.int(5, 600) * 60_000);
  }

  /** One technician's day: a route of jobs from home. */
  private route(tech: Tech, dayOffset: number, count: number): void {
    const c = this.c;
    const day = c.day(dayOffset);
    const pool = this.teamSites.get(tech.team)!;
    let here = tech.doc.startLocation as { latitude: string; longitude: string };
    let t = DAY_START + c.int(0, 9) * 5;
    let actualT = t;
    const stops = Array.from({ length: count }, () => c.pick(pool));
    for (const site of stops) {
      const pos = site.site.position as { latitude: string; longitude: string };
      const travel = travelMinutes(here, pos);
      const { type, equipment } = this.pickWork(tech, site);
      const start = Math.ceil((t + travel) / 15) * 15;
      if (start + type.minutes > DAY_END) break;
      const aStart = Math.max(start + c.int(-10, 20), actualT + Math.round(travel * 0.8));
      const aEnd = aStart + Math.max(15, Math.round(type.minutes * (0.7 + c.f.number.float({ min: 0, max: 0.6 }))));
      const actualStart = c.at(day, aStart);
      const actualEnd = c.at(day, aEnd);
      const status = this.statusFor(dayOffset, actualStart, actualEnd);
      const worked = status === 'completed' || status === 'validated' || status === 'started';
      const startL = c.at(day, start);
      this.specs.push({
        tech,
        site,
        equipment,
        type,
        start: startL,
        end: c.at(day, start + type.minutes),
        actualStart: worked ? actualStart : null,
        actualEnd: status === 'completed' || status === 'validated' ? actualEnd : null,
        status,
        createdMs: this.createdBefore(startL, 14),
        helper: type.minutes >= 240 && c.chance(0.5) ? this.helperFor(tech) : undefined,
      });
      here = pos;
      t = start + type.minutes;
      actualT = aEnd;
    }
  }

  private helperFor(tech: Tech): Tech | undefined {
    const mates = this.people.techs.filter((t) => t.team === tech.team && t !== tech);
    return mates.length ? this.c.pick(mates) : undefined;
  }

  /** Routes for every technician and day of the window. */
  planRoutes(): void {
    const c = this.c;
    const [lo, hi] = c.vol.jobsPerTechDay;
    for (let d = -42; d <= 14; d++) {
      const day = c.day(d);
      const weekend = [0, 6].includes(c.weekday(day));
      for (const tech of this.people.techs) {
        if (tech.off.has(day)) continue;
        const login = tech.doc.login as string;
        if (login === FIXED.freshTech.login && d === 0) continue; // his day is fixed (planFixed)
        if (login === FIXED.noLocationTech.login && d === 0) continue; // never tracked: no work today
        if (weekend && !(login === FIXED.freshTech.login || c.chance(0.25))) continue;
        const n = weekend ? c.int(1, 2) : d === 0 ? Math.max(3, c.int(lo, hi)) : c.int(lo, hi);
        this.route(tech, d, n);
      }
    }
  }

  /** Jobs waiting to be scheduled: some with preferences, some in the job pool, some requested by customers. */
  planUnscheduled(): void {
    const c = this.c;
    for (let i = 0; i < c.vol.unscheduled; i++) {
      const site = c.pick(this.customers.active);
      const { type, equipment } = this.pickWork(null, site);
      const team = c.pick(this.people.teams);
      const r = c.f.number.float();
      const prefs: Doc = {
        date: null,
        dateTime: null,
        isDraft: false,
        isPool: false,
        schedulingWindow: null,
        team: null,
        user: null,
      };
      if (r < 0.6) {
        prefs.date = c.day(c.int(1, 10));
        prefs.schedulingWindow = {
          id: this.cat.windows[i % this.cat.windows.length].id,
          name: this.cat.windows[i % this.cat.windows.length].name,
        };
        prefs.team = { id: team.id, name: team.name };
        prefs.isPool = r < 0.35;
        if (r >= 0.35 && r < 0.45) {
          const tech = c.pick(this.people.techs.filter((t) => t.team === team));
          if (tech)
            prefs.user = { id: tech.doc.id, name: `${tech.doc.firstName} ${tech.doc.lastName}`, login: tech.doc.login };
        }
      } else if (r < 0.7) {
        prefs.dateTime = c.api(c.at(c.day(c.int(1, 7)), c.pick([8, 9, 10, 13, 14, 15]) * 60));
      }
      this.specs.push({
        tech: null,
        site,
        equipment,
        type,
        start: null,
        end: null,
        actualStart: null,
        actualEnd: null,
        status: 'created',
        createdMs: c.now - c.int(10, 60 * 24 * 6) * 60_000,
        preferences: prefs,
        createdByCustomer: c.chance(0.25),
      });
    }
  }

  /** The fixed, documented jobs (fixed.ts). */
  planFixed(): void {
    const c = this.c;
    const mr = this.people.techs.find((t) => t.doc.login === FIXED.freshTech.login)!;
    const site = this.customers.fixed;
    const hvac = this.cat.jobTypes.find((t) => t.trade === 'Refrigeration') ?? this.cat.jobTypes[0];
    const general = this.cat.jobTypes.find((t) => t.doc.isDefault) ?? this.cat.jobTypes[0];
    const now = c.now;
    const at = (minutesFromNow: number) => c.local(now + minutesFromNow * 60_000);
    const s = FIXED.startedJob;
    this.specs.push({
      tech: mr,
      site,
      equipment: site.equipment[0] ?? null,
      type: hvac,
      start: at(-s.scheduledMinutesAgo),
      end: at(-s.scheduledMinutesAgo + s.durationMinutes),
      actualStart: at(-s.startedMinutesAgo),
      actualEnd: null,
      status: 'started',
      createdMs: now - 3 * 86_400_000,
      myId: s.myId,
    });
    const j = FIXED.job;
    this.specs.push({
      tech: mr,
      site,
      equipment: null,
      type: general,
      start: at(j.startInMinutes),
      end: at(j.startInMinutes + j.durationMinutes),
      actualStart: null,
      actualEnd: null,
      status: 'scheduled',
      createdMs: now - 2 * 86_400_000,
      myId: j.myId,
      contactEmail: j.contactEmail,
    });
    const y = c.day(-1);
    this.specs.push({
      tech: mr,
      site,
      equipment: site.equipment[0] ?? null,
      type: hvac,
      start: c.at(y, 9 * 60),
      end: c.at(y, 9 * 60 + hvac.minutes),
      actualStart: c.at(y, 9 * 60 + 5),
      actualEnd: c.at(y, 9 * 60 + 5 + hvac.minutes - 10),
      status: 'validated',
      createdMs: now - 6 * 86_400_000,
      myId: FIXED.doneJob.myId,
    });
    const team = this.people.teams[0];
    const morning = this.cat.windows.find((w) => w.name === 'Morning') ?? this.cat.windows[0];
    this.specs.push({
      tech: null,
      site,
      equipment: null,
      type: general,
      start: null,
      end: null,
      actualStart: null,
      actualEnd: null,
      status: 'created',
      createdMs: now - 86_400_000,
      myId: FIXED.poolJob.myId,
      preferences: {
        date: c.day(1),
        dateTime: null,
        isDraft: false,
        isPool: true,
        schedulingWindow: { id: morning.id, name: morning.name },
        team: { id: team.id, name: team.name },
        user: null,
      },
    });
  }
}

export { travelMinutes };
