/**
 * The company's people: teams, an administrator, managers (one dispatcher in every team), technicians with skilled
 * trades, a home startLocation and (set later by jobs.ts) a recent lastLocation; activity types of every category and
 * the technicians' unavailabilities (vacations, sick days, training, a team-wide safety day).
 */
import { scryptSync } from 'node:crypto';
import Decimal from 'decimal.js';
import { round2 } from '../../lib/synchroteam/money';
import type { Doc } from '../store/collection';
import { composeAddress, randomAddress } from './addresses';
import { namedRef, type SeedContext } from './context';
import { FIXED } from './fixed';
import type { CustomFieldSet } from './customfields';

export const TRADES = [
  'HVAC',
  'Plumbing',
  'Electrical',
  'Refrigeration',
  'Boilers',
  'Fire Safety',
  'Backflow',
] as const;

const TEAM_NAMES = [
  'North Side',
  'West Side',
  'South Side',
  'Downtown Commercial',
  'Northwest',
  'Southwest',
  'Lakeview',
  'Pilsen',
  'Hyde Park',
  'Logan Square',
  'Austin',
  'Beverly',
  'Uptown',
  'Bridgeport',
  'Edgewater',
  'Portage Park',
];

export const USER_TIMEZONE = 'Central Standard Time';

export interface Tech {
  doc: Doc;
  team: Doc;
  /** Days ("YYYY-MM-DD") the technician is unavailable all day. */
  off: Set<string>;
}

export interface People {
  teams: Doc[];
  admin: Doc;
  managers: Doc[];
  techs: Tech[];
  activityTypes: Record<'vacation' | 'sick' | 'training' | 'holiday' | 'shop' | 'pickup' | 'travel' | 'clock', Doc>;
}

const ACTIVITY_TYPES = [
  ['vacation', 'Vacation', 'unavail', '9FC5E8', false],
  ['sick', 'Sick Leave', 'unavail', 'F4CCCC', true],
  ['training', 'Training', 'unavail', 'FFE599', true],
  ['holiday', 'Company Holiday', 'unavail', 'D9D2E9', true],
  ['shop', 'Shop Work', 'atwork', 'B6D7A8', true],
  ['pickup', 'Parts Pickup', 'atwork', 'A2C4C9', true],
  ['travel', 'Standard Travel', 'travel', 'DDEEDD', true],
  ['clock', 'Work Day', 'clock', 'CCCCCC', true],
] as const;

function userDoc(
  c: SeedContext,
  cf: CustomFieldSet,
  o: {
    firstName: string;
    lastName: string;
    login: string;
    email: string;
    profile: string;
    teams: string[];
    trades?: string[];
    home?: string;
  },
): Doc {
  const id = c.w.id('user');
  const home = o.home ? composeAddress(o.home) : randomAddress(c.f);
  const lastConnection = c.api(c.local(c.now - c.int(5, 60 * 30) * 60_000));
  return {
    id,
    firstName: o.firstName,
    lastName: o.lastName,
    login: o.login,
    phone: c.phone(),
    profile: o.profile,
    email: o.email,
    language: 'EN',
    startLocation: { fullAddress: home.address, latitude: home.position.latitude, longitude: home.position.longitude },
    lastLocation: null,
    customFieldValues: cf.values('user', { employeeId: `EMP-${String(id).padStart(4, '0')}` }),
    teams: o.teams,
    skilledTrades: o.trades ?? [],
    lastConnection,
    lastSynchronization: o.profile === 'technician' ? lastConnection : null,
    timezone: USER_TIMEZONE,
    isSubcontractor: o.profile === 'technician' && c.chance(0.08),
    // user.ts keeps a salted scrypt hash; every seeded user's password is SEED_PASSWORD.
    _password: seedPasswordHash(c),
  };
}

/** The password of every seeded user (the API never serves it; user/send keeps it on partial updates). */
export const SEED_PASSWORD = 'demo1234';

/** Same format as user.ts hashPassword ("salt:scrypt hex", N=1024), with a seeded salt. */
function seedPasswordHash(c: SeedContext): string {
  const salt = c.f.string.hexadecimal({ length: 16, casing: 'lower', prefix: '' });
  return `${salt}:${scryptSync(SEED_PASSWORD, salt, 32, { N: 1024 }).toString('hex')}`;
}

const loginOf = (first: string, last: string) => `${first[0]}${last}`.toLowerCase().replace(/[^a-z0-9]/g, '');

export function seedPeople(c: SeedContext, cf: CustomFieldSet): People {
  const created = c.ms(c.at(c.day(-400), 9 * 60));
  const teams: Doc[] = TEAM_NAMES.slice(0, c.vol.teams).map((name) => ({
    id: c.w.id('team'),
    name,
    description: `Field crew covering ${name}`,
    tags: [c.pick(['residential', 'commercial', 'mixed'])],
  }));

  const logins = new Set<string>();
  const uniqueLogin = (first: string, last: string) => {
    const base = loginOf(first, last) || 'user';
    let login = base;
    for (let i = 2; logins.has(login); i++) login = `${base}${i}`;
    logins.add(login);
    return login;
  };
  for (const f of [FIXED.admin, FIXED.dispatcher, FIXED.freshTech, FIXED.staleTech, FIXED.noLocationTech])
    logins.add(f.login);

  const admin = userDoc(c, cf, { ...FIXED.admin, profile: 'administrator', teams: [] });
  const managers: Doc[] = [
    userDoc(c, cf, { ...FIXED.dispatcher, profile: 'manager', teams: teams.map((t) => t.name as string) }),
  ];
  for (let i = 1; i < c.vol.managers; i++) {
    const firstName = c.f.person.firstName();
    const lastName = c.f.person.lastName();
    const login = uniqueLogin(firstName, lastName);
    managers.push(
      userDoc(c, cf, {
        firstName,
        lastName,
        login,
        email: `${login}@dispatch-demo.test`,
        profile: 'manager',
        teams: [teams[i % teams.length].name as string],
      }),
    );
  }

  const techs: Tech[] = [];
  const fixedTechs = [
    { ...FIXED.freshTech, team: 0 },
    { ...FIXED.staleTech, team: 1 },
    { ...FIXED.noLocationTech, team: 2 % teams.length },
  ];
  for (const t of fixedTechs) {
    const team = teams[t.team];
    techs.push({
      doc: userDoc(c, cf, {
        firstName: t.firstName,
        lastName: t.lastName,
        login: t.login,
        email: t.email,
        profile: 'technician',
        teams: [team.name as string],
        trades: [...t.trades],
        home: t.street,
      }),
      team,
      off: new Set(),
    });
  }
  while (techs.length < c.vol.technicians) {
    const team = teams[techs.length % teams.length];
    const firstName = c.f.person.firstName();
    const lastName = c.f.person.lastName();
    const login = uniqueLogin(firstName, lastName);
    const trades = c.f.helpers.arrayElements(TRADES, { min: 1, max: 3 });
    techs.push({
      doc: userDoc(c, cf, {
        firstName,
        lastName,
        login,
        email: `${login}@dispatch-demo.test`,
        profile: 'technician',
        teams: [team.name as string],
        trades,
      }),
      team,
      off: new Set(),
    });
  }
  // numTechs/numManagers/deleted are computed by team.ts on every answer, never stored.
  for (const team of teams) c.w.add('team', { doc: team, createdMs: created });

  const types = {} as People['activityTypes'];
  for (const [key, name, category, color, payable] of ACTIVITY_TYPES) {
    const doc = { id: c.w.id('activitytype'), name, category, color, payable };
    types[key] = doc;
    c.w.add('activitytype', { doc, createdMs: created });
  }

  const people: People = { teams, admin, managers, techs, activityTypes: types };
  seedUnavailabilities(c, people);
  return people;
}

/** Writes the users once jobs.ts has set the technicians' lastLocation. */
export function writeUsers(c: SeedContext, people: People): void {
  const created = c.ms(c.at(c.day(-400), 9 * 60));
  for (const u of [people.admin, ...people.managers, ...people.techs.map((t) => t.doc)]) {
    c.w.add('user', { doc: u, createdMs: created, modifiedMs: c.now - 60_000 });
  }
}

const activityRef = (t: Doc) => ({ id: t.id, name: t.name, category: t.category, payable: t.payable });
const activityUser = (u: Doc) => ({ id: u.id, login: u.login, firstName: u.firstName, lastName: u.lastName });

function addActivity(
  c: SeedContext,
  type: Doc,
  start: string,
  end: string,
  who: { user?: Doc; team?: Doc },
  note: string | null,
  distanceKm?: number,
): void {
  const doc = {
    id: c.w.id('activity'),
    activityType: activityRef(type),
    note,
    dateStart: c.api(start),
    dateEnd: c.api(end),
    // As activity.ts computes a missing unit: 1 mi = 1.609344 km, both rounded to 2 decimals (money.ts round2).
    distance:
      distanceKm === undefined
        ? null
        : { km: round2(distanceKm).toNumber(), mi: round2(new Decimal(distanceKm).dividedBy('1.609344')).toNumber() },
    user: who.user ? activityUser(who.user) : null,
    team: who.team ? namedRef(who.team) : null,
  };
  c.w.add('activity', { doc, createdMs: Math.min(c.now, c.ms(start)) - 3 * 86_400_000 });
}

/** Vacations, sick days and training for some technicians; one team-wide safety training day. */
function seedUnavailabilities(c: SeedContext, p: People): void {
  const fixedLogins = new Set<string>([FIXED.freshTech.login, FIXED.staleTech.login, FIXED.noLocationTech.login]);
  for (const t of p.techs) {
    if (fixedLogins.has(t.doc.login as string)) continue;
    const r = c.f.number.float();
    if (r < 0.2) {
      // A week-or-less vacation somewhere in the 8-week window.
      const first = c.int(-40, 12);
      const len = c.int(2, 5);
      for (let d = 0; d < len; d++) t.off.add(c.day(first + d));
      addActivity(
        c,
        p.activityTypes.vacation,
        c.at(c.day(first), 0),
        c.at(c.day(first + len - 1), 23 * 60 + 59),
        { user: t.doc },
        'Family vacation',
      );
    } else if (r < 0.32) {
      const d = c.int(-40, 0);
      t.off.add(c.day(d));
      addActivity(c, p.activityTypes.sick, c.at(c.day(d), 0), c.at(c.day(d), 23 * 60 + 59), { user: t.doc }, null);
    } else if (r < 0.42) {
      // Half-day training: the technician still works the afternoon.
      const d = c.int(-30, 13);
      addActivity(
        c,
        p.activityTypes.training,
        c.at(c.day(d), 7 * 60),
        c.at(c.day(d), 11 * 60),
        { user: t.doc },
        `${c.pick(['EPA 608', 'NFPA 70E', 'Backflow recertification', 'Ladder safety'])} course`,
      );
    }
  }
  // A team-wide safety training morning next week (team unavailability: user null, team set).
  const team = p.teams[1 % p.teams.length];
  addActivity(
    c,
    p.activityTypes.training,
    c.at(c.day(nextWeekday(c, 8)), 7 * 60),
    c.at(c.day(nextWeekday(c, 8)), 9 * 60),
    { team },
    'Quarterly safety meeting',
  );
}

/** Offset of the first weekday at or after `offset` days from today. */
export function nextWeekday(c: SeedContext, offset: number): number {
  let d = offset;
  while ([0, 6].includes(c.weekday(c.day(d)))) d++;
  return d;
}

export { addActivity, activityUser };
