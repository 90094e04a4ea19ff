/** Setup helpers of the tracking specs: their own customer and job through the sandbox API, and test-side clocks. */
import type { TestInfo } from '@playwright/test';
import { sandboxApi } from '../fixtures';
import { deriveTrackKeys, signTrackToken } from '../../lib/track/token';
import { accessCodeFor, deriveAccessCodeKey, formatAccessCode } from '../../lib/track/access-code';

export const ZONE = 'America/Chicago';

/** "YYYY-MM-DD HH:mm" in the account zone, `offsetMin` from now. */
export function chicagoLocal(offsetMin = 0): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + offsetMin * 60_000));
  return parts.replace(',', '').slice(0, 16);
}

/** Minutes since an account-local "YYYY-MM-DD HH:mm[:ss]" (approximate: compares wall clocks). */
export function minutesSinceLocal(local: string): number {
  const now = chicagoLocal(0);
  const toMs = (s: string) =>
    Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10), +s.slice(11, 13), +s.slice(14, 16));
  return (toMs(now) - toMs(local)) / 60_000;
}

/** A client address of its own per test, so the per-IP lookup limit of one test never touches another. */
export function uniqueIp(info: TestInfo): string {
  const r = () => Math.floor(Math.random() * 250) + 1;
  return `10.${(info.workerIndex % 250) + 1}.${r()}.${r()}`;
}

export interface TrackedJob {
  id: string;
  num: number;
  /** The job's access code as the dispatcher's dialog shows it ("7K3Q-M9XZ"). */
  code: string;
  email: string;
  zip: string;
  description: string;
  customerId: number;
  customerName: string;
  contactPhone: string;
  position: { latitude: string; longitude: string };
}

/** A new customer and job (address in Chicago, ZIP 60647); scheduled for `technician` when a start is given. */
export async function createTrackedJob(
  opts: { technician?: string; startInMinutes?: number; durationMinutes?: number } = {},
): Promise<TrackedJob> {
  const uid = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  const customerName = `Track Customer ${uid}`;
  const c = await sandboxApi('POST', 'customer/send', {
    name: customerName,
    myId: `TRK-${uid}`,
    address: '2417 N Western Ave, Chicago, IL 60647',
    contactEmail: `billing.${uid}@customer.test`,
  });
  if (c.status !== 200) throw new Error(`customer/send ${c.status}: ${JSON.stringify(c.body)}`);
  const email = `Home.${uid}@Track.test`;
  const description = `Boiler service ${uid}`;
  const contactPhone = '(312) 555-0199';
  const j = await sandboxApi('POST', 'job/send', {
    customer: { id: c.body.id },
    description,
    contactEmail: email,
    contactPhone,
  });
  if (j.status !== 200) throw new Error(`job/send ${j.status}: ${JSON.stringify(j.body)}`);
  if (opts.technician && opts.startInMinutes !== undefined) {
    const s = await sandboxApi('POST', 'job/schedule', {
      id: j.body.id,
      technician: { login: opts.technician },
      scheduledStart: chicagoLocal(opts.startInMinutes),
      scheduledEnd: chicagoLocal(opts.startInMinutes + (opts.durationMinutes ?? 60)),
    });
    if (s.status !== 200) throw new Error(`job/schedule ${s.status}: ${JSON.stringify(s.body)}`);
  }
  return {
    id: j.body.id,
    num: j.body.num,
    code: accessCode(j.body.num),
    email,
    zip: j.body.addressZIP,
    description,
    customerId: c.body.id,
    customerName,
    contactPhone,
    position: j.body.position,
  };
}

/** A job's access code as the app derives it (the e2e server secret is known to the tests); generation 0 until revoked. */
export function accessCode(jobNum: number, generation = 0): string {
  return formatAccessCode(accessCodeFor(jobNum, generation, deriveAccessCodeKey(process.env.NEXTAUTH_SECRET!)));
}

/** Some other well-formed code (what a guesser types). */
export function wrongCode(job: { num: number }, i = 0): string {
  return accessCode(job.num + 1_000_000 + i);
}

/** A tracking token as the app would sign it (the e2e server secret is known to the tests), at any date. */
export function tokenAt(jobId: string, nowMs: number, ttlSeconds?: number): string {
  return signTrackToken(jobId, deriveTrackKeys(process.env.NEXTAUTH_SECRET!), { now: nowMs, ttlSeconds });
}

/** A technician of its own (no GPS fix: lastLocation is read-only in the API). */
export async function createTechnician(firstName: string): Promise<{ id: number; login: string }> {
  const login = `trk${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const u = await sandboxApi('POST', 'user/send', {
    login,
    firstName,
    lastName: 'Tracktest',
    email: `${login}@tech.test`,
    phone: '(312) 555-0142',
    profile: 'technician',
    password: 'track-Test-2026-password',
  });
  if (u.status !== 200) throw new Error(`user/send ${u.status}: ${JSON.stringify(u.body)}`);
  return { id: u.body.id, login };
}
