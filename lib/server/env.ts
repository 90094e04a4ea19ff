/**
 * Server configuration, validated once. A missing or bad value stops the start with one line naming the variable.
 *
 * Sandbox mode: when no SYNCHROTEAM_API_KEY is configured the dashboard talks to the embedded sandbox on loopback with
 * the sandbox's demo credentials. This is configuration only: app code treats the sandbox exactly like the real API.
 */
import 'server-only';
import { z } from 'zod';
import { loadOrCreateSecret } from './secret';

const SANDBOX_URL = `http://127.0.0.1:${process.env.SANDBOX_PORT || '4010'}/api/v3`;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const schema = z.object({
  SYNCHROTEAM_BASE_URL: z.url({ protocol: /^https?$/ }),
  SYNCHROTEAM_DOMAIN: z.string().regex(/^[A-Za-z0-9-]{1,63}$/, 'must be your Synchroteam domain, e.g. mycompany'),
  SYNCHROTEAM_API_KEY: z.string().min(8, 'must be the API key from Configuration → Authentication Key'),
  SYNCHROTEAM_TIMEZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as America/Chicago'),
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters'),
  NEXTAUTH_URL: z.url(),
  APP_DATABASE: z.string().min(1),
  COMPANY_NAME: z.string().min(1).max(80),
  COMPANY_COLOR: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0f766e'),
  TRACK_AVERAGE_SPEED_KMH: z.coerce.number().positive().max(200),
  /** Road distance ÷ straight-line distance, for the optimizer's travel times (with TRACK_AVERAGE_SPEED_KMH). */
  TRAVEL_ROAD_FACTOR: z.coerce.number().min(1).max(3),
  FULLCALENDAR_LICENSE_KEY: z.string().min(1),
  MAP_TILE_URL: z.string().min(1),
  MAP_TILE_ATTRIBUTION: z.string(),
  /** The account mirror (lib/server/mirror): 'on' (default) or 'off' (every read live, as before it existed). */
  MIRROR: z.enum(['on', 'off']),
  /** Share of the daily quota the mirror's sync may spend (the rest is kept for people's writes and live reads). */
  MIRROR_SYNC_SHARE: z.coerce.number().min(0.05).max(0.95),
  /** Jobs poll interval while people look, ms (other cadences scale with it). 15 s by default. */
  MIRROR_JOBS_INTERVAL_MS: z.coerce.number().int().min(200).max(600_000),
  /** An account with at most this many jobs is mirrored whole; a larger one from MIRROR_JOB_HORIZON_DAYS back. */
  MIRROR_FULL_JOBS_MAX: z.coerce.number().int().min(0),
  MIRROR_JOB_HORIZON_DAYS: z.coerce.number().int().min(1).max(3650),
  /** The daily quota the planner budgets when the API has not told it (its X-Quota-Limit wins); 0 = no quota. */
  MIRROR_DAILY_QUOTA: z.coerce.number().int().min(0).optional(),
  /** Backfill pages a minute, instead of the planner's pace (90 idle, 30 busy): benchmarks against an unlimited sandbox. */
  MIRROR_BACKFILL_PER_MINUTE: z.coerce.number().int().min(1).optional(),
  /** Reverse proxies in front of the app, each appending to X-Forwarded-For; 0 = clients connect directly (lib/server/client-address.ts). */
  TRUSTED_PROXIES: z.coerce.number().int('must be a whole number of proxies, e.g. 1').min(0).max(10),
});

export type Env = z.infer<typeof schema> & { sandboxMode: boolean };

function read(): Env {
  const e = process.env;
  const sandboxMode = !e.SYNCHROTEAM_API_KEY;
  const raw = {
    SYNCHROTEAM_BASE_URL: e.SYNCHROTEAM_BASE_URL || (sandboxMode ? SANDBOX_URL : 'https://ws.synchroteam.com/api/v3'),
    SYNCHROTEAM_DOMAIN: e.SYNCHROTEAM_DOMAIN ?? (sandboxMode ? e.SANDBOX_DOMAIN || 'demo' : undefined),
    SYNCHROTEAM_API_KEY: e.SYNCHROTEAM_API_KEY || e.SANDBOX_API_KEY || 'demo-api-key',
    SYNCHROTEAM_TIMEZONE: e.SYNCHROTEAM_TIMEZONE || 'America/Chicago',
    NEXTAUTH_SECRET: e.NEXTAUTH_SECRET || loadOrCreateSecret(),
    NEXTAUTH_URL: e.NEXTAUTH_URL || 'http://localhost:3000',
    APP_DATABASE: e.APP_DATABASE || 'data/app.db',
    COMPANY_NAME: e.COMPANY_NAME || (sandboxMode ? 'Windy City Mechanical (demo)' : 'Dispatch Console'),
    COMPANY_COLOR: e.COMPANY_COLOR || '#0f766e',
    TRACK_AVERAGE_SPEED_KMH: e.TRACK_AVERAGE_SPEED_KMH || '30',
    TRAVEL_ROAD_FACTOR: e.TRAVEL_ROAD_FACTOR || '1.3',
    FULLCALENDAR_LICENSE_KEY: e.FULLCALENDAR_LICENSE_KEY || 'GPL-My-Project-Is-Open-Source',
    MAP_TILE_URL: e.MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    MAP_TILE_ATTRIBUTION: e.MAP_TILE_ATTRIBUTION ?? '© OpenStreetMap contributors',
    MIRROR: e.MIRROR || 'on',
    MIRROR_SYNC_SHARE: e.MIRROR_SYNC_SHARE || '0.6',
    MIRROR_JOBS_INTERVAL_MS: e.MIRROR_JOBS_INTERVAL_MS || '15000',
    MIRROR_FULL_JOBS_MAX: e.MIRROR_FULL_JOBS_MAX || '30000',
    MIRROR_JOB_HORIZON_DAYS: e.MIRROR_JOB_HORIZON_DAYS || '90',
    MIRROR_BACKFILL_PER_MINUTE: e.MIRROR_BACKFILL_PER_MINUTE || undefined,
    MIRROR_DAILY_QUOTA: e.MIRROR_DAILY_QUOTA || undefined,
    TRUSTED_PROXIES: e.TRUSTED_PROXIES || '0',
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    const message = raw[name as keyof typeof raw] === undefined ? 'is missing' : issue.message;
    // One line naming the variable, then stop: a half-configured server would only fail later and less clearly.
    console.error(`Configuration error: ${name} ${message}. See .env.example.`);
    process.exit(1);
  }
  return { ...parsed.data, sandboxMode };
}

let cached: Env | undefined;

/** The validated configuration (read on first use, so `next build` does not need a configured account). */
export function getEnv(): Env {
  return (cached ??= read());
}
