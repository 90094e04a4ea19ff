/**
 * Times the schedule optimizer on seeded days. HiGHS is loaded once outside the timing, as the worker does. CPU time
 * is shown too: wall time on a shared machine swings with whatever else is running.
 *
 *   npx tsx scripts/bench-optimizer.ts [pool] [technicians]            random days (mostly empty)
 *   npx tsx scripts/bench-optimizer.ts crowded [technicians] [pool]    crowded days (6–8 jobs per technician)
 *
 * Options: --seeds=N (default 10, crowded 3), --limit=MS (solver time limit; default 5,000, crowded 8,000 as the app).
 */
import highsLoader from 'highs';
import { jobWeight } from '../lib/optimize/problem';
import { solve } from '../lib/optimize/solve';
import { crowdedDay, randomDay, violations } from '../lib/optimize/test-fixtures';

async function main() {
  const opts = new Map(
    process.argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=') as [string, string]),
  );
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const crowded = args[0] === 'crowded';
  if (crowded) args.shift();
  const nTech = Number((crowded ? args[0] : args[1]) ?? (crowded ? 20 : 30));
  const nPool = Number((crowded ? args[1] : args[0]) ?? (crowded ? 380 : 40));
  const nSeeds = Number(opts.get('seeds') ?? (crowded ? 3 : 10));
  const limit = Number(opts.get('limit') ?? (crowded ? 8_000 : 5_000));
  const highs = await highsLoader();
  for (let seed = 1; seed <= nSeeds; seed++) {
    const inp = crowded ? crowdedDay(seed, nTech, nPool) : randomDay(seed, nPool, nTech);
    inp.timeLimitMs = limit;
    const marks: string[] = [];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let last = t0;
    const res = solve(inp, highs, {
      onProgress: (_f, stage) => {
        const t = performance.now();
        marks.push(`${stage} @${(t - t0).toFixed(0)}`);
        last = t;
      },
    });
    const ms = last - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const byId = new Map(inp.jobs.map((j) => [j.id, j]));
    const weight = res.placed.reduce((sum, x) => sum + jobWeight(byId.get(x.jobId)!), 0);
    const km = res.routes.reduce((sum, r) => sum + r.after.travelKm, 0);
    const dayJobs = inp.jobs.length - nPool;
    const bad = violations(inp, res).length;
    console.log(
      `seed ${seed}: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, placed ${res.placed.length}/${nPool} (weight ${weight.toFixed(3)}, ${km.toFixed(1)} km), ` +
        `retimed ${res.retimed.length}, day jobs ${dayJobs}, complete ${res.complete}${bad ? `, ${bad} VIOLATIONS` : ''} | ${marks.join(', ')}`,
    );
  }
}

void main();
