/**
 * The schedule optimizer through the app, with the sandbox's production limits (120/min, 10,000/day), on the large
 * seed's backfilled mirror (copied from the last `npm run bench:mirror` run, data/bench-mirror; run that once first):
 *  1. a proposal for tomorrow, one team and then all teams, 5 times each: POST /api/optimize → state done (median),
 *     and the upstream calls made meanwhile (the sync's own included, listed by path);
 *  2. applying 10 of the proposed moves: time until every result is in, and the calls by path.
 * Pure solver timings on synthetic days: `npm run bench:optimizer`. Results: stdout and data/bench-optimize/result.json.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bench-common';

const DIR = join(ROOT, 'data', 'bench-optimize');
const FROM = join(ROOT, 'data', 'bench-mirror');

async function main() {
  if (!existsSync(join(FROM, 'run.db')) || !existsSync(join(FROM, 'app.db'))) {
    console.error('No backfilled mirror to start from: run `npm run bench:mirror` once (it leaves data/bench-mirror).');
    process.exit(1);
  }
  mkdirSync(DIR, { recursive: true });
  // A fresh copy each run (applying moves changes it); the stack then goes on from it as the next day (--reuse).
  // The write-ahead log goes with its database (the source is closed; its log may still hold the last pages).
  for (const db of ['run.db', 'app.db']) {
    for (const ext of ['', '-wal', '-shm']) rmSync(join(DIR, db + ext), { force: true });
    for (const ext of ['', '-wal'])
      if (existsSync(join(FROM, db + ext))) copyFileSync(join(FROM, db + ext), join(DIR, db + ext));
  }
  process.argv.push('--reuse');
  const { byPath, median, sleep, startStack } = await import('./bench-app').then(async (m) => ({
    ...m,
    median: (await import('./bench-common')).median,
  }));
  const stack = await startStack({
    dir: DIR,
    ports: {
      sandbox: Number(process.env.BENCH_SANDBOX_PORT ?? 4180),
      proxy: Number(process.env.BENCH_PROXY_PORT ?? 4181),
      app: Number(process.env.BENCH_APP_PORT ?? 3180),
    },
  });
  try {
    const who = await stack.signIn('dispatcher@demo.test');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    // Warm the day's board and map once (as the board open before pressing Optimize would).
    const board = await who.get(
      `/api/board?from=${tomorrow}&to=${new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)}`,
    );
    const teams = (board.body.teams as { id: number; name: string }[] | undefined) ?? [];
    await who.get(`/api/map?date=${tomorrow}`);
    const results: Record<string, unknown> = { date: tomorrow };
    let lastDone: { id: string; moves: { jobId: string }[] } | null = null;
    for (const [label, teamId] of [
      [`team ${teams[0]?.name}`, teams[0]?.id ?? null],
      ['all teams', null],
    ] as const) {
      const times: number[] = [];
      const reads: number[] = [];
      const solves: number[] = [];
      const calls: { path: string }[] = [];
      let size = '';
      for (let i = 0; i < 5; i++) {
        const t0 = Date.now();
        const start = await who.post('/api/optimize', { date: tomorrow, teamId, pinned: [] });
        if (start.status !== 202) throw new Error(`optimize ${start.status}: ${JSON.stringify(start.body)}`);
        const id = (start.body.run as { id: string }).id;
        let run: {
          state: string;
          message: string | null;
          timings: { readMs: number; solveMs: number | null };
          proposal: {
            moves: { jobId: string }[];
            left: unknown[];
            technicians: unknown[];
            totals: Record<string, number>;
          } | null;
        };
        for (;;) {
          run = (await who.get(`/api/optimize/${id}`)).body.run as typeof run;
          if (run.state !== 'running') break;
          await sleep(50);
        }
        if (run.state !== 'done' || !run.proposal) throw new Error(`optimize ended ${run.state}: ${run.message}`);
        times.push(Date.now() - t0);
        reads.push(run.timings.readMs);
        solves.push(run.timings.solveMs ?? NaN);
        calls.push(...stack.calls(t0));
        const p = run.proposal;
        size = `${p.technicians.length} technicians; ${p.totals.placed} placed, ${p.totals.retimed} re-timed, ${p.totals.left} left; travel ${p.totals.kmBefore} → ${p.totals.kmAfter} km`;
        lastDone = { id, moves: p.moves };
      }
      results[label] = {
        medianMs: median(times),
        runsMs: times,
        readMs: reads,
        solveMs: solves,
        calls: calls.length,
        byPath: byPath(calls),
        size,
      };
      console.log(
        `proposal, ${label}: median ${median(times)} ms (${times.join(', ')}; reading the day ${reads.join(', ')} ms, solving ${solves.join(', ')} ms), ${calls.length} calls during the 5 runs (${byPath(calls)}); ${size}`,
      );
    }
    if (lastDone && lastDone.moves.length) {
      const chosen = lastDone.moves.slice(0, 10).map((m) => m.jobId);
      const t0 = Date.now();
      const a = await who.post(`/api/optimize/${lastDone.id}/apply`, { jobIds: chosen });
      if (a.status !== 202) throw new Error(`apply ${a.status}: ${JSON.stringify(a.body)}`);
      let run: { state: string; apply: { results: { ok: boolean; message: string | null }[] } };
      for (;;) {
        run = (await who.get(`/api/optimize/${lastDone.id}`)).body.run as typeof run;
        if (run.state === 'applied') break;
        await sleep(100);
      }
      const ms = Date.now() - t0;
      // The write-through reads land just after each write: give the last one a moment before counting.
      await sleep(1500);
      const calls = stack.calls(t0);
      const ok = run.apply.results.filter((r) => r.ok).length;
      results.apply = {
        moves: chosen.length,
        applied: ok,
        ms,
        calls: calls.length,
        byPath: byPath(calls),
        refused: run.apply.results.filter((r) => !r.ok).map((r) => r.message),
      };
      console.log(`apply ${chosen.length} moves: ${ok} applied in ${ms} ms, ${calls.length} calls (${byPath(calls)})`);
    }
    writeFileSync(join(DIR, 'result.json'), JSON.stringify(results, null, 2));
  } finally {
    stack.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
