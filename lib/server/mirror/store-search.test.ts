import { describe, expect, it } from 'vitest';
import { openAppDb } from '@/lib/server/db';
import { MirrorStore } from './store';
import { RESOURCE_BY_NAME } from './resources';
import { mirrorJobs } from './schema';

const jobs = RESOURCE_BY_NAME.get('jobs')!;
const job = (id: string, status: string) => ({
  id,
  num: Number(id.slice(2)),
  status,
  dateModified: '2026-03-10 09:00:00',
});

describe('MirrorStore.rebuildJobSearch', () => {
  it('rewrites search text kept under older rules, a slice at a time, then stops', () => {
    const store = new MirrorStore(openAppDb(':memory:'), 'America/Chicago');
    store.upsert(
      jobs,
      Array.from({ length: 5 }, (_, i) => ({
        ...job(`j-${i + 1}`, 'scheduled'),
        customer: { id: 1, name: 'Müller Heating' },
      })),
    );
    // As an older version stored it: accents kept.
    store.db.update(mirrorJobs).set({ search: 'müller heating' }).run();
    expect(store.rebuildJobSearch(2)).toBe(true);
    expect(store.rebuildJobSearch(2)).toBe(true);
    expect(store.rebuildJobSearch(2)).toBe(false);
    expect(
      store.db
        .select({ s: mirrorJobs.search })
        .from(mirrorJobs)
        .all()
        .every((r) => r.s?.includes('muller heating')),
    ).toBe(true);
    store.db.update(mirrorJobs).set({ search: 'old' }).run();
    expect(store.rebuildJobSearch(2), 'done once: not again').toBe(false);
  });
});
