/**
 * Fixed, documented records that tests and demos can rely on. They exist in every seed (any --seed, any --size),
 * with the same identifying values; only ids depend on the seed's order of creation (look them up by login/myId).
 * Times are relative to the sandbox clock ("now") in the account zone.
 *
 * Users
 * - login `admin`      administrator "Alex Morgan" (id 1)
 * - login `dispatch`   manager "Dana Whitfield", member of every team
 * - login `mrivera`    technician "Marco Rivera" (North Side; HVAC, Refrigeration, Electrical). lastLocation is fresh
 *                      (2 minutes old), at the site of his started job. Has JOB-DEMO-STARTED (started 40 minutes ago)
 *                      and JOB-DEMO-1 (2½ hours from now), and works every day of the window, weekends included.
 * - login `tstale`     technician "Terry Stale" (West Side; Plumbing). lastLocation is stale: 95 minutes old.
 * - login `nolocation` technician "Nora Lopez" (South Side; Electrical). lastLocation null (never tracked); no work
 *                      today. In --live mode the stale and never-tracked technicians' locations are left as they are.
 * Every seeded user's password is "demo1234" (SEED_PASSWORD; stored hashed as user.ts does).
 * Customers
 * - myId `CUST-DEMO-1` "Wrigleyville Coffee Roasters", 3600 N Racine Ave, Chicago, ZIP 60657 (nearestZip),
 *   contactEmail owner@wrigleyville-coffee.test; one site myId `SITE-DEMO-1` (same address) with one equipment
 *   myId `EQ-DEMO-1` "Espresso Machine La Marzocco".
 * Jobs
 * - myId `JOB-DEMO-1`       scheduled, today now+150 min → +240 min, technician mrivera, customer CUST-DEMO-1,
 *                           contactEmail frontdesk@wrigleyville-coffee.test, ZIP 60657.
 * - myId `JOB-DEMO-STARTED` started 40 minutes ago (scheduled now-45 → now+45), technician mrivera, CUST-DEMO-1.
 * - myId `JOB-DEMO-POOL`    created, unscheduled, in the job pool (preferences.isPool true, team North Side,
 *                           preferred date tomorrow, window Morning).
 * - myId `JOB-DEMO-DONE`    done yesterday 09:05 and validated since, technician mrivera, with a filled report
 *                           and a paid invoice (paid an hour ago).
 * Billing
 * - invoice for JOB-DEMO-DONE: status paid; an invoice for CUST-DEMO-1 without job, issued 40 days ago: status late.
 * - quotation for CUST-DEMO-1: status accepted.
 */
export const FIXED = {
  admin: { login: 'admin', firstName: 'Alex', lastName: 'Morgan', email: 'admin@dispatch-demo.test' },
  dispatcher: { login: 'dispatch', firstName: 'Dana', lastName: 'Whitfield', email: 'dispatch@dispatch-demo.test' },
  freshTech: {
    login: 'mrivera',
    firstName: 'Marco',
    lastName: 'Rivera',
    email: 'mrivera@dispatch-demo.test',
    street: '2400 W Addison St',
    trades: ['HVAC', 'Refrigeration', 'Electrical'],
  },
  staleTech: {
    login: 'tstale',
    firstName: 'Terry',
    lastName: 'Stale',
    email: 'tstale@dispatch-demo.test',
    street: '1600 W Division St',
    trades: ['Plumbing'],
    staleMinutes: 95,
  },
  noLocationTech: {
    login: 'nolocation',
    firstName: 'Nora',
    lastName: 'Lopez',
    email: 'nlopez@dispatch-demo.test',
    street: '5500 S Western Ave',
    trades: ['Electrical'],
  },
  customer: {
    myId: 'CUST-DEMO-1',
    name: 'Wrigleyville Coffee Roasters',
    street: '3600 N Racine Ave',
    zip: '60657',
    contactEmail: 'owner@wrigleyville-coffee.test',
    siteMyId: 'SITE-DEMO-1',
    equipmentMyId: 'EQ-DEMO-1',
  },
  job: {
    myId: 'JOB-DEMO-1',
    contactEmail: 'frontdesk@wrigleyville-coffee.test',
    startInMinutes: 150,
    durationMinutes: 90,
  },
  startedJob: { myId: 'JOB-DEMO-STARTED', startedMinutesAgo: 40, scheduledMinutesAgo: 45, durationMinutes: 90 },
  poolJob: { myId: 'JOB-DEMO-POOL' },
  doneJob: { myId: 'JOB-DEMO-DONE' },
} as const;
