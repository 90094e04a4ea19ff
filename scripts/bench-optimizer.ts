/**
 * Times the schedule optimizer on seeded random days (npx tsx scripts/bench-optimizer.ts [pool] [technicians]).
 * HiGHS is loaded once outside the timing, as the worker does.
 */
import highsLoader from 'highs';
import { solve } from '../lib/optimize/solve';
import { randomDay } from '../lib/optimize/test-fixtures';

async function main() {
  const nPool = Number(process.argv[2] ?? 40);
  const nTech = Number(process.argv[3] ?? 30);
  const highs = await highsLoader();
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
    const inp = randomDay(seed, nPool, nTech);
    const marks: string[] = [];
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
    console.log(`seed ${seed}: ${ms.toFixed(0)} ms, placed ${res.placed.length}/${nPool}, complete ${res.complete} | ${marks.join(', ')}`);
  }
}

void main();
