/**
 * What every seed domain shares: the seeded faker, the writer, the clock in the account's zone, and the embedded
 * reference shapes (`{id, myId, name}`, `{id, name, login}`) exactly as the reference documents them.
 *
 * Every date is derived from the sandbox clock (store.now()) and the account zone (config.timeZone) through
 * lib/synchroteam/dates.ts, so the same --seed on the same clock gives identical documents.
 */
import { Faker, base, en, en_US } from '@faker-js/faker';
import {
  epochToLocal,
  formatApiDateTime,
  localToEpoch,
  type LocalDateTime,
  startOfDay,
  datePart,
} from '../../lib/synchroteam/dates';
import type { SandboxConfig } from '../config';
import type { Doc } from '../store/collection';
import type { Store } from '../store/store';
import { SeedWriter } from './writer';

export type SeedSize = 'small' | 'large';

export interface SeedOptions {
  seed: number;
  size: SeedSize;
}

/** Volumes per size. Large is for benchmarks: ≥200 technicians, ≥50,000 jobs, ≥20,000 customers. */
export const VOLUMES = {
  small: {
    teams: 4,
    technicians: 30,
    managers: 3,
    customers: 320,
    jobsPerTechDay: [1, 3] as [number, number],
    unscheduled: 48,
    invoices: 1,
    quotations: 60,
    deletedCustomers: 3,
  },
  large: {
    teams: 12,
    technicians: 240,
    managers: 14,
    customers: 20_500,
    jobsPerTechDay: [5, 8] as [number, number],
    unscheduled: 400,
    invoices: 1,
    quotations: 800,
    deletedCustomers: 20,
  },
} as const;

export type Volumes = (typeof VOLUMES)[SeedSize];

export interface Ref {
  id: number;
  myId: string | null;
  name: string;
}
export interface UserRef {
  id: number;
  name: string;
  login: string;
}

export class SeedContext {
  readonly f: Faker;
  readonly w: SeedWriter;
  readonly now: number;
  readonly tz: string;
  readonly vol: Volumes;
  /** Account-local "YYYY-MM-DD" of the sandbox clock. */
  readonly today: string;

  constructor(
    readonly store: Store,
    readonly config: SandboxConfig,
    readonly opts: SeedOptions,
  ) {
    this.f = new Faker({ locale: [en_US, en, base], seed: opts.seed });
    this.w = new SeedWriter(store);
    this.now = store.now();
    this.tz = config.timeZone;
    this.vol = VOLUMES[opts.size];
    this.today = datePart(epochToLocal(this.now, this.tz));
  }

  /**
   * `ms`, or earlier: a few minutes to three hours before the sandbox clock (spread by `salt`, without drawing from the
   * seeded random stream). A seeded company's recent changes are spread over its past rather than stacked on the instant
   * it was seeded, which a changedSince read right after seeding would otherwise return by the thousand.
   */
  past(ms: number, salt: number): number {
    return Math.min(ms, this.now - (2 + ((salt * 7919) % 179)) * 60_000);
  }

  /** Account-local wall clock of the sandbox clock. */
  nowLocal(): LocalDateTime {
    return epochToLocal(this.now, this.tz);
  }

  /** "YYYY-MM-DD" `offset` days from today (calendar arithmetic, as addMinutesLocal does it). */
  day(offset: number): string {
    return datePart(utcWall(wallAsUtc(startOfDay(this.today)) + offset * 86_400_000));
  }

  /** Local wall clock on a day at a minute of the day (calendar arithmetic, as addMinutesLocal does it). */
  at(day: string, minuteOfDay: number): LocalDateTime {
    return utcWall(wallAsUtc(startOfDay(day)) + Math.round(minuteOfDay) * 60_000);
  }

  // The seed converts a few million instants; dates.ts converts through Intl (tens of µs each). Zone offsets only
  // change on the hour, so each hour's offset is taken from dates.ts once and applied with plain arithmetic: the
  // results are the ones dates.ts gives (checked by the seed tests).
  private readonly toEpochOffsets = new Map<string, number>();
  private readonly toLocalOffsets = new Map<number, number>();

  /** Epoch ms of a local wall-clock time (for created_ms/modified_ms). */
  ms(local: LocalDateTime): number {
    const key = local.slice(0, 13);
    let delta = this.toEpochOffsets.get(key);
    if (delta === undefined) {
      delta = localToEpoch(`${key}:00:00`, this.tz) - wallAsUtc(`${key}:00:00`);
      this.toEpochOffsets.set(key, delta);
    }
    return wallAsUtc(local) + delta;
  }

  /** Local wall clock of an epoch instant. */
  local(ms: number): LocalDateTime {
    const hour = Math.floor(ms / 3_600_000);
    let delta = this.toLocalOffsets.get(hour);
    if (delta === undefined) {
      delta = wallAsUtc(epochToLocal(hour * 3_600_000, this.tz)) - hour * 3_600_000;
      this.toLocalOffsets.set(hour, delta);
    }
    return utcWall(ms + delta);
  }

  /** "YYYY-MM-DD HH:mm", what documents carry. */
  api(local: LocalDateTime): string {
    return formatApiDateTime(local)!;
  }

  /** 0 = Sunday … 6 = Saturday, for a "YYYY-MM-DD" calendar day (calendar arithmetic, no zone involved). */
  weekday(day: string): number {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  }

  chance(p: number): boolean {
    return this.f.number.float() < p;
  }

  int(min: number, max: number): number {
    return this.f.number.int({ min, max });
  }

  pick<T>(list: readonly T[]): T {
    return this.f.helpers.arrayElement(list);
  }

  /** Chicago-area phone number. */
  phone(): string {
    return `(${this.pick(['312', '773', '872'])}) ${this.int(200, 989)}-${String(this.int(0, 9999)).padStart(4, '0')}`;
  }

  uuid(): string {
    return this.f.string.uuid();
  }

  /** Public link token (deterministic, unlike the API's random one). */
  publicLink(kind: string): string {
    return `https://${this.config.domain}.synchroteam.com/${kind}/Public/${this.f.string.hexadecimal({ length: 24, casing: 'lower', prefix: '' })}`;
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A "YYYY-MM-DD HH:mm:ss" wall clock read as if it were UTC (calendar arithmetic only). */
function wallAsUtc(local: LocalDateTime): number {
  return Date.UTC(
    +local.slice(0, 4),
    +local.slice(5, 7) - 1,
    +local.slice(8, 10),
    +local.slice(11, 13),
    +local.slice(14, 16),
    +(local.slice(17, 19) || 0),
  );
}

/** The "YYYY-MM-DD HH:mm:ss" wall clock of a UTC-read instant (inverse of wallAsUtc). */
function utcWall(ms: number): LocalDateTime {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `{id, myId, name}` of a customer/site/equipment document. */
export const recordRef = (d: Doc): Ref => ({
  id: d.id as number,
  myId: (d.myId as string | null) ?? null,
  name: d.name as string,
});

/** `{id, name, login}` of a user document. */
export const userRef = (u: Doc): UserRef => ({
  id: u.id as number,
  name: `${u.firstName} ${u.lastName}`,
  login: u.login as string,
});

/** `{id, num, myId}` of a job document. */
export const jobRef = (j: Doc) => ({
  id: j.id as string,
  myId: (j.myId as string | null) ?? null,
  num: j.num as number,
});

/** `{id, name}` */
export const namedRef = (d: Doc) => ({ id: d.id as number, name: d.name as string });
