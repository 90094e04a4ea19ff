import { describe, expect, it } from 'vitest';
import { buildReport } from '@/lib/reports/report';
import type { ReportParams } from '@/lib/reports/report-params';
import { fixtureInput, J6, OPTS, P } from '@/lib/reports/test-fixtures';
import type { ReportInput } from '@/lib/reports/types';
import { FRESH_MS, MAX_AGE_MS, ReportCache, STALE_WAIT_MS } from './report-cache';
import type { LoadedData, ReportStore } from './report-store';

const PARAMS: ReportParams = {
  preset: 'custom',
  period: P,
  previous: { from: '2026-04-27', to: '2026-05-01' },
  toleranceMin: 15,
};

/** A report store whose loads the test controls: each load is the input of that moment, ready after `loadMs`. */
function harness(opts: { loadMs?: number } = {}) {
  let clock = 1_000_000;
  let input: ReportInput = fixtureInput();
  let loads = 0;
  let changed = true;
  let last: LoadedData | null = null;
  const store: Pick<ReportStore, 'get'> = {
    async get(range, waitMs = 0) {
      if (last && !changed) return { data: last, cached: true };
      loads++;
      changed = false;
      if (opts.loadMs) {
        await new Promise((r) => setTimeout(r, Math.min(waitMs, opts.loadMs!)));
        if (waitMs < opts.loadMs) return { progress: { listsDone: 0, lists: 1, records: 0, calls: 0 } };
      }
      last = { input, range, loadedAt: clock, checkedAt: clock, calls: 3, checkCalls: 0, ms: 5 };
      return { data: last, cached: false };
    },
  };
  const cache = new ReportCache({
    store,
    now: () => clock,
    pause: async () => {},
    onError: (e) => {
      throw e;
    },
  });
  return {
    cache,
    get loads() {
      return loads;
    },
    advance: (ms: number) => (clock += ms),
    /** Someone changes the account: the next load reads `next`. */
    change: (next: ReportInput) => ((input = next), (changed = true)),
  };
}

const backlogOf = (got: Awaited<ReturnType<ReportCache['get']>>) =>
  'served' in got ? got.served.report.kpis.backlog.value : 'loading';

describe('ReportCache', () => {
  it('computes the report the way buildReport does, then serves it without a load while fresh', async () => {
    const h = harness();
    const first = await h.cache.get(PARAMS, OPTS, 1_000);
    expect('served' in first && first.served.report).toEqual(
      buildReport(fixtureInput(), PARAMS.period, PARAMS.previous, OPTS),
    );
    expect('served' in first && first.served.cost.cached).toBe(false);
    h.advance(FRESH_MS - 1);
    const again = await h.cache.get(PARAMS, OPTS, 1_000);
    expect('served' in again && again.served.cost.cached).toBe(true);
    expect(h.loads).toBe(1);
  });

  it('refreshes a stale report: a quick refresh is served at once', async () => {
    const h = harness();
    await h.cache.get(PARAMS, OPTS, 1_000);
    const before = backlogOf(await h.cache.get(PARAMS, OPTS, 1_000));
    h.change({ ...fixtureInput(), backlog: [...fixtureInput().backlog, { ...J6, id: 'J99' }] });
    h.advance(FRESH_MS + 1);
    expect(backlogOf(await h.cache.get(PARAMS, OPTS, 1_000))).toBe((before as number) + 1);
  });

  it('serves the stale report when its refresh takes longer than a person should wait, and the new one next', async () => {
    const h = harness({ loadMs: STALE_WAIT_MS + 300 });
    expect(backlogOf(await h.cache.get(PARAMS, OPTS, 5_000))).toBe(2);
    h.change({ ...fixtureInput(), backlog: [...fixtureInput().backlog, { ...J6, id: 'J99' }] });
    h.advance(FRESH_MS + 1);
    const t0 = Date.now();
    const stale = await h.cache.get(PARAMS, OPTS, 5_000);
    expect(backlogOf(stale)).toBe(2);
    // Marked, so that the page asks again and shows the new one in place.
    expect('refreshing' in stale && stale.refreshing).toBe(true);
    // Its last computation took longer than a person should wait: served at once, not after STALE_WAIT_MS.
    expect(Date.now() - t0).toBeLessThan(STALE_WAIT_MS / 2);
    await new Promise((r) => setTimeout(r, STALE_WAIT_MS + 400));
    const fresh = await h.cache.get(PARAMS, OPTS, 5_000);
    expect(backlogOf(fresh)).toBe(3);
    expect('refreshing' in fresh && fresh.refreshing).toBe(false);
    expect(h.loads).toBe(2);
  });

  it('does not serve a report older than MAX_AGE_MS: the person waits for the load (progress when it is long)', async () => {
    const h = harness({ loadMs: 200 });
    await h.cache.get(PARAMS, OPTS, 5_000);
    h.change(fixtureInput());
    h.advance(MAX_AGE_MS + 1);
    expect(backlogOf(await h.cache.get(PARAMS, OPTS, 50))).toBe('loading');
  });

  it('keeps a report whose data did not change (same load) without computing it again', async () => {
    const h = harness();
    const a = await h.cache.get(PARAMS, OPTS, 1_000);
    h.advance(FRESH_MS + 1);
    const b = await h.cache.get(PARAMS, OPTS, 1_000);
    expect('served' in a && 'served' in b && b.served.report).toBe('served' in a && a.served.report);
    expect(h.loads).toBe(1);
  });

  it('prefetch computes once; concurrent askers share one computation', async () => {
    const h = harness({ loadMs: 50 });
    await Promise.all([
      h.cache.prefetch(PARAMS, OPTS),
      h.cache.get(PARAMS, OPTS, 1_000),
      h.cache.get(PARAMS, OPTS, 1_000),
    ]);
    await h.cache.prefetch(PARAMS, OPTS);
    expect(h.loads).toBe(1);
  });

  it('prefetch with a maximum age recomputes only a report older than it, so a person is served the new one at once', async () => {
    const h = harness();
    await h.cache.prefetch(PARAMS, OPTS, 5 * 60_000);
    h.advance(4 * 60_000);
    h.change({ ...fixtureInput(), backlog: [...fixtureInput().backlog, { ...J6, id: 'J99' }] });
    await h.cache.prefetch(PARAMS, OPTS, 5 * 60_000);
    expect(h.loads).toBe(1);
    h.advance(2 * 60_000);
    await h.cache.prefetch(PARAMS, OPTS, 5 * 60_000);
    expect(h.loads).toBe(2);
    const got = await h.cache.get(PARAMS, OPTS, 1_000);
    expect('served' in got && got.served.cost.cached).toBe(true);
    expect(backlogOf(got)).toBe(3);
    expect(h.loads).toBe(2);
  });
});
