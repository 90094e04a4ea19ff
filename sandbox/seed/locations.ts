/**
 * Technicians' lastLocation at the sandbox clock, from their day: at the site of a started job, driving (along the
 * grid) between two jobs, heading to the first job, or on the way home after the last one. Technicians who do not
 * work today were last seen at home the evening before. Fixes are a few minutes old, except the fixed stale and
 * never-tracked technicians (fixed.ts).
 */
import type { Doc } from '../store/collection';
import { alongGrid } from './addresses';
import type { SeedContext } from './context';
import { FIXED } from './fixed';
import type { SeededJob } from './jobs';
import type { People } from './people';
import { datePart, toWholeMinute } from '../../lib/synchroteam/dates';

type Pos = { latitude: string; longitude: string };

/**
 * Where a technician is at `nowMs` given the day's jobs (sorted by scheduled start); `toMs` turns a document's
 * "YYYY-MM-DD HH:mm" into epoch ms in the account zone. Shared with the live clock (live.ts).
 */
export function positionAt(toMs: (apiDate: string) => number, home: Pos, day: Doc[], nowMs: number): Pos {
  const at = (d: Doc) => d.position as Pos;
  const started = day.find((j) => j.status === 'started');
  if (started) return at(started);
  const ms = (s: unknown) => (s ? toMs(String(s)) : NaN);
  const done = day.filter((j) => j.actualEnd && ms(j.actualEnd) <= nowMs);
  const next = day.find((j) => !j.actualEnd && (j.status === 'scheduled' || j.status === 'synchronized'));
  const prev = done[done.length - 1];
  const from = prev ? at(prev) : home;
  if (next) {
    const arrive = ms(next.scheduledStart);
    // Before the first job the technician leaves home 45 minutes ahead.
    const leftAt = prev ? ms(prev.actualEnd) : arrive - 45 * 60_000;
    const k = arrive > leftAt ? (nowMs - leftAt) / (arrive - leftAt) : 1;
    return alongGrid(from, at(next), Math.max(0, Math.min(0.95, k)));
  }
  if (prev) {
    const leftAt = ms(prev.actualEnd);
    // Heading home after the last job: 40 minutes on the road.
    return alongGrid(from, home, Math.max(0, Math.min(1, (nowMs - leftAt) / (40 * 60_000))));
  }
  return home;
}

export function setLastLocations(c: SeedContext, people: People, jobs: SeededJob[]): void {
  const toMs = (s: string) => c.ms(toWholeMinute(s));
  const today = new Map<number, Doc[]>();
  for (const j of jobs) {
    const t = j.spec.tech;
    if (!t || !j.spec.start || datePart(j.spec.start) !== c.today || j.doc.status === 'cancelled') continue;
    (today.get(t.doc.id as number) ?? today.set(t.doc.id as number, []).get(t.doc.id as number)!).push(j.doc);
  }
  for (const t of people.techs) {
    const login = t.doc.login as string;
    const home = {
      latitude: (t.doc.startLocation as Doc).latitude as string,
      longitude: (t.doc.startLocation as Doc).longitude as string,
    };
    if (login === FIXED.noLocationTech.login) {
      t.doc.lastLocation = null;
      continue;
    }
    const day = (today.get(t.doc.id as number) ?? []).sort((a, b) =>
      String(a.scheduledStart).localeCompare(String(b.scheduledStart)),
    );
    let fixMs = c.now - c.int(10, 240) * 1000;
    let pos: Pos;
    if (login === FIXED.staleTech.login) {
      fixMs = c.now - FIXED.staleTech.staleMinutes * 60_000;
      pos = day.length ? positionAt(toMs, home, day, fixMs) : home;
    } else if (login === FIXED.freshTech.login) {
      fixMs = c.now - 2 * 60_000;
      pos = day.length ? positionAt(toMs, home, day, fixMs) : home;
    } else if (!day.length) {
      // Off today: last seen at home yesterday evening.
      fixMs = c.ms(c.at(c.day(-1), 18 * 60 + c.int(0, 90)));
      pos = home;
    } else pos = positionAt(toMs, home, day, fixMs);
    t.doc.lastLocation = { latitude: pos.latitude, longitude: pos.longitude, datetime: c.local(fixMs) };
  }
}
