/**
 * Times the schedule optimizer on seeded random days (npx tsx scripts/bench-optimizer.ts [pool] [technicians]).
 * HiGHS is loaded once outside the timing, as the worker does. CPU time is shown too: wall time on a shared machine
 * swings with whatever else is running.
 */
import highsLoader from 'highs';
import { jobWeight } from '../lib/optimize/problem';
import { solve } from '../lib/optimize/solve';
import { randomDay } from '../lib/optimize/test-fixtures';

async function main() {
  const nPool = Number(process.argv[2] ?? 40);
  const nTech = Number(process.argv[3] ?? 30);
  const highs = await highsLoader();
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
    const inp = randomDay(seed, nPool, nTech);
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
    console.log(
      `seed ${seed}: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, placed ${res.placed.length}/${nPool} (weight ${weight.toFixed(3)}, ${km.toFixed(1)} km), complete ${res.complete} | ${marks.join(', ')}`,
    );
  }
}

void main();
