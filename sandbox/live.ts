/**
 * --live: the company moves through the day. Every ~5–10 s of wall time (one tick) the live clock:
 *   - confirms (synchronizes) today's scheduled jobs that start within the next two hours;
 *   - completes a technician's started job once its planned length (× a per-job factor 0.8–1.2) has passed, after
 *     filling its report (jobreport.ts setJobReportValues);
 *   - starts the technician's next job of the day once its scheduled start (± a per-job offset of −5…+10 min) has
 *     come and nothing else is under way;
 *   - moves each working technician's lastLocation: at the site of the started job, or along the grid from the
 *     last finished job (or home) toward the next one, arriving at its scheduled start (seed/locations.ts).
 * Status changes go through the job module's own endpoints (job/confirm, job/start, job/complete called in-process
 * with the same handler context a request gets), so documents and timeline items are exactly what the API writes.
 * The fixed stale and never-tracked technicians (seed/fixed.ts) keep their GPS off: their lastLocation is not moved.
 *
 * The clock is injectable (tests advance it and call tick() directly); by default it is Date.now, the same clock the
 * sandbox answers with.
 */
import {
  addMinutesLocal,
  epochToLocal,
  formatApiDateTime,
  localToEpoch,
  parseApiDate,
  startOfDay,
  timeOfDay,
  datePart,
} from '../lib/synchroteam/dates';
import { ApiError } from './http/errors';
import { Query } from './http/params';
import type { Handler } from './http/router';
import type { Sandbox } from './server';
import type { Doc, Row } from './store/collection';
import { setJobReportValues } from './resources/jobreport';
import { FIXED } from './seed/fixed';
import { positionAt } from './seed/locations';

export interface LiveOptions {
  clock?: () => number;
  /** Wall-time between ticks, ms (a random value in the range each time). */
  intervalMs?: [number, number];
  log?: (message: string) => void;
}

export interface TickReport {
  at: string;
  confirmed: number;
  started: number;
  completed: number;
  moved: number;
  errors: string[];
}

/** A stable number in [0, 1) from a job id, so each job keeps its own offsets from tick to tick. */
function unit(id: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

const ACTIVE = ['scheduled', 'synchronized', 'started', 'paused'];

export class LiveCompany {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private readonly clock: () => number;

  constructor(
    private readonly sandbox: Pick<Sandbox, 'store' | 'router' | 'config'>,
    private readonly opts: LiveOptions = {},
  ) {
    this.clock = opts.clock ?? Date.now;
  }

  private call(path: string, body: Record<string, unknown>, now: number): unknown {
    const route = this.sandbox.router.match(path, 'POST');
    if (!route.handler) throw new Error(`live: no endpoint ${path}`);
    const { store, config } = this.sandbox;
    const ctx = { query: new Query(new URLSearchParams()), body, store, config, now, baseUrl: '' };
    return (route.handler as Handler)(ctx);
  }

  private local(ms: number): string {
    return epochToLocal(ms, this.sandbox.config.timeZone);
  }

  private ms(apiDate: unknown): number {
    const d = parseApiDate(apiDate);
    return d ? localToEpoch(d, this.sandbox.config.timeZone) : NaN;
  }

  /** Simplified report values for every item of the job's report (what a technician fills before leaving). */
  private reportValues(job: Doc, now: number): Record<string, unknown>[] {
    const arrival = timeOfDay(formatApiDateTime(parseApiDate(job.actualStart) ?? this.local(now))!);
    const out: Record<string, unknown>[] = [];
    for (const block of (job.report as Doc[]) ?? []) {
      for (const item of (block.items as Doc[]) ?? []) {
        if (item.value) continue;
        const r = unit(String(job.id), Number(item.id));
        const options = (item.listValues as string[] | null) ?? [];
        const value =
          item.type === 'time'
            ? arrival
            : item.type === 'compliance'
              ? r < 0.92
                ? '1'
                : '0'
              : item.type === 'list'
                ? options.length
                  ? options[Math.floor(r * options.length)]
                  : ''
                : item.type === 'numeric'
                  ? String(Math.round(20 + r * 60))
                  : item.type === 'date'
                    ? datePart(addMinutesLocal(this.local(now), 365 * 1440))
                    : item.type === 'text'
                      ? /name/i.test(String(item.name))
                        ? String(job.contactLastName ?? 'Customer')
                        : 'Work completed; tested OK.'
                      : item.type === 'signature'
                        ? `signature-${String(job.num)}.png`
                        : '';
        if (value) out.push({ nmCategory: block.name, nmItem: item.name, value, iteration: block.iteration ?? 0 });
      }
    }
    return out;
  }

  /** One step of the company's day at the clock's current time. */
  tick(): TickReport {
    const now = this.clock();
    const { store } = this.sandbox;
    const report: TickReport = { at: this.local(now), confirmed: 0, started: 0, completed: 0, moved: 0, errors: [] };
    const today = datePart(this.local(now));
    const tomorrow = addMinutesLocal(startOfDay(today), 1440);
    const attempt = (what: string, fn: () => void) => {
      try {
        store.tx(fn);
        return true;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        report.errors.push(`${what}: ${e.message}`);
        return false;
      }
    };

    const jobs = store.collection('job');
    const todays = jobs.all(`scheduled_start >= ? AND scheduled_start < ? AND technician_id IS NOT NULL`, [
      startOfDay(today),
      tomorrow,
    ]);
    const byTech = new Map<number, Row[]>();
    for (const r of todays) {
      const id = (r.doc.technician as Doc).id as number;
      (byTech.get(id) ?? byTech.set(id, []).get(id)!).push(r);
    }

    for (const [techId, rows] of byTech) {
      rows.sort((a, b) => String(a.doc.scheduledStart).localeCompare(String(b.doc.scheduledStart)));
      for (const r of rows) {
        const d = r.doc;
        if (d.status === 'scheduled' && this.ms(d.scheduledStart) - now <= 2 * 3_600_000) {
          if (attempt(`confirm ${String(d.num)}`, () => this.call('job/confirm', { id: d.id }, now)))
            report.confirmed++;
        }
      }
      let busy = false;
      for (const r of rows) {
        const d = jobs.get(r.id)!.doc;
        if (d.status !== 'started') continue;
        const planned = this.ms(d.scheduledEnd) - this.ms(d.scheduledStart) || 3_600_000;
        const due = this.ms(d.actualStart) + planned * (0.8 + 0.4 * unit(String(d.id), 1));
        if (now < due) {
          busy = true;
          continue;
        }
        const ok = attempt(`complete ${String(d.num)}`, () => {
          const values = this.reportValues(d, now);
          if (values.length) setJobReportValues(store, String(d.id), values, now);
          this.call('job/complete', { id: d.id, actualEnd: formatApiDateTime(this.local(now)) }, now);
        });
        if (ok) report.completed++;
        else busy = true;
      }
      if (!busy) {
        const next = rows
          .map((r) => jobs.get(r.id)!.doc)
          .find((d) => d.status === 'scheduled' || d.status === 'synchronized');
        if (next) {
          const startAt = this.ms(next.scheduledStart) + (unit(String(next.id), 2) * 15 - 5) * 60_000;
          if (
            now >= startAt &&
            attempt(`start ${String(next.num)}`, () =>
              this.call('job/start', { id: next.id, actualStart: formatApiDateTime(this.local(now)) }, now),
            )
          ) {
            report.started++;
          }
        }
      }
      if (
        this.move(
          techId,
          rows.map((r) => jobs.get(r.id)!.doc),
          now,
        )
      )
        report.moved++;
    }
    return report;
  }

  /** Moves a technician's lastLocation along the day's route. */
  private move(techId: number, day: Doc[], now: number): boolean {
    const users = this.sandbox.store.collection('user');
    const u = users.get(techId);
    if (!u || u.doc.login === FIXED.staleTech.login || u.doc.login === FIXED.noLocationTech.login) return false;
    const start = u.doc.startLocation as Doc | null;
    if (!start?.latitude || !start.longitude) return false;
    const home = { latitude: String(start.latitude), longitude: String(start.longitude) };
    const route = day.filter(
      (d) => ACTIVE.includes(d.status as string) || d.status === 'completed' || d.status === 'validated',
    );
    if (!route.length) return false;
    const pos = positionAt((s) => this.ms(s), home, route, now);
    const last = u.doc.lastLocation as Doc | null;
    const datetime = this.local(now);
    if (last && last.latitude === pos.latitude && last.longitude === pos.longitude && last.datetime === datetime)
      return false;
    this.sandbox.store.tx(() =>
      users.update(techId, { ...u.doc, lastLocation: { latitude: pos.latitude, longitude: pos.longitude, datetime } }),
    );
    return true;
  }

  /** Starts ticking on a timer (first tick at once). */
  start(): this {
    if (this.running) return this;
    this.running = true;
    const [lo, hi] = this.opts.intervalMs ?? [5_000, 10_000];
    const loop = () => {
      if (!this.running) return;
      try {
        const r = this.tick();
        if (r.started || r.completed || r.confirmed) {
          this.opts.log?.(
            `[live ${timeOfDay(r.at)}] started ${r.started}, completed ${r.completed}, confirmed ${r.confirmed}, moved ${r.moved}`,
          );
        }
      } catch (e) {
        this.opts.log?.(`[live] tick failed: ${(e as Error).message}`);
      }
      if (this.running) this.timer = setTimeout(loop, lo + Math.random() * (hi - lo));
    };
    loop();
    return this;
  }

  /** Stops ticking; a tick is synchronous, so none is left half done. */
  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
