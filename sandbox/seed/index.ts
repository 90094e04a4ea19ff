/**
 * The sandbox seed: a realistic field-service company in Chicago, deterministic for a given --seed and clock.
 *
 *   seedSandbox(store, config, { seed: 42, size: 'small' })
 *
 * small: 4 teams, 30 technicians, 3 managers, 1 administrator, ~320 customers with sites, equipment and contacts,
 *        ~2,500 jobs from 6 weeks ago to 2 weeks ahead plus ~50 unscheduled, invoices / quotations / credit notes,
 *        timeline, tasks, recurrences, activities, depots with stock.
 * large: the same company at benchmark scale (≥200 technicians, ≥50,000 jobs, ≥20,000 customers).
 *
 * Records are written straight into the collections (writer.ts: prepared statements, one transaction per batch) in
 * the exact shape the resource modules write them. The fixed records tests and demos rely on are listed in fixed.ts.
 * Seeding an already seeded database is refused (call it on an empty database or after --reset).
 */
import type { SandboxConfig } from '../config';
import type { Store } from '../store/store';
import { seedBilling, type BillingCounts } from './billing';
import { seedCatalogue } from './catalogue';
import { SeedContext, type SeedOptions } from './context';
import { CustomFieldSet } from './customfields';
import { seedCustomers } from './customers';
import { seedNotesAndTasks, seedRecurrences, seedWorkActivities } from './followups';
import { seedJobs } from './jobs';
import { setLastLocations } from './locations';
import { seedPeople, writeUsers } from './people';

export { FIXED } from './fixed';
export { SEED_PASSWORD } from './people';
export type { SeedOptions, SeedSize } from './context';

export interface SeedReport {
  seed: number;
  size: string;
  ms: number;
  /** CPU time of the process while seeding (user + system), ms: the figure that does not depend on machine load. */
  cpuMs: number;
  /** Milliseconds per stage (writes included). */
  stages: Record<string, number>;
  counts: Record<string, number>;
  jobsByStatus: Record<string, number>;
  billing: BillingCounts;
}

/** True when the database holds no business records yet. */
export function isEmpty(store: Store): boolean {
  return ['user', 'customer', 'job'].every((n) => store.collection(n).count() === 0);
}

export function seedSandbox(store: Store, config: SandboxConfig, opts: SeedOptions): SeedReport {
  if (!isEmpty(store))
    throw new Error('seed: the database already holds records; start from an empty database (--reset)');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const stages: Record<string, number> = {};
  let mark = t0;
  const stage = <T>(name: string, fn: () => T): T => {
    const out = fn();
    c.w.flush();
    const t = performance.now();
    stages[name] = Math.round(t - mark);
    mark = t;
    return out;
  };
  const c = new SeedContext(store, config, opts);
  const cf = new CustomFieldSet(c);
  const people = stage('people', () => {
    cf.seed();
    return seedPeople(c, cf);
  });
  const customers = stage('customers', () => seedCustomers(c, cf));
  const cat = stage('catalogue', () => seedCatalogue(c, people));
  const { jobs } = stage('jobs', () => seedJobs(c, people, customers, cat, cf));
  stage('followups', () => {
    setLastLocations(c, people, jobs);
    writeUsers(c, people);
    seedRecurrences(c, people, customers, cat, cf);
    seedNotesAndTasks(c, people, customers, jobs);
    seedWorkActivities(c, people, jobs);
  });
  const billing = stage('billing', () => seedBilling(c, customers, cat, jobs));
  c.w.finish();
  store.setSetting('seed', JSON.stringify({ seed: opts.seed, size: opts.size, at: c.now }));

  const jobsByStatus: Record<string, number> = {};
  for (const j of jobs) jobsByStatus[j.doc.status as string] = (jobsByStatus[j.doc.status as string] ?? 0) + 1;
  const cpu = process.cpuUsage(cpu0);
  return {
    seed: opts.seed,
    size: opts.size,
    ms: Math.round(performance.now() - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    stages,
    counts: { ...c.w.counts },
    jobsByStatus,
    billing,
  };
}

/** One line per collection, for the console. */
export function describeSeed(r: SeedReport): string {
  const counts = Object.entries(r.counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const statuses = Object.entries(r.jobsByStatus)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const stages = Object.entries(r.stages)
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
    .join(', ');
  return `Seeded (--seed ${r.seed}, --size ${r.size}) in ${(r.ms / 1000).toFixed(1)} s, ${(r.cpuMs / 1000).toFixed(1)} s CPU (${stages}): ${counts}\n  jobs: ${statuses}`;
}
