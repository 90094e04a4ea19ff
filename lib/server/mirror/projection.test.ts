import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openAppDb } from '@/lib/server/db';
import { MirrorStore } from './store';
import { RESOURCE_BY_NAME } from './resources';
import { TableProjection } from './projection';
import { mirrorCustomers, mirrorJobs } from './schema';

const jobs = RESOURCE_BY_NAME.get('jobs')!;
const customers = RESOURCE_BY_NAME.get('customers')!;
const job = (id: string, status: string, description = '') => ({
  id,
  num: Number(id.slice(2)),
  status,
  description,
  dateModified: '2026-03-10 09:00:00',
});

function setup() {
  const store = new MirrorStore(openAppDb(':memory:'), 'America/Chicago');
  let mapped = 0;
  const projection = new TableProjection({
    db: store.db,
    table: mirrorJobs,
    columns: { id: mirrorJobs.id, seq: mirrorJobs.seq, status: mirrorJobs.status, doc: mirrorJobs.doc },
    where: eq(mirrorJobs.deleted, false),
    map: (r: { id: string; seq: number; status: string; doc: string }) => {
      mapped++;
      return { id: r.id, status: r.status, description: (JSON.parse(r.doc) as { description: string }).description };
    },
  });
  return { store, projection, mapped: () => mapped };
}

describe('TableProjection', () => {
  it('reads everything once, then only the rows changed since', async () => {
    const { store, projection, mapped } = setup();
    store.upsert(jobs, [job('j-1', 'created'), job('j-2', 'scheduled'), job('j-3', 'scheduled')]);
    await projection.refresh();
    expect([...projection.values()].map((j) => j.id).sort()).toEqual(['j-1', 'j-2', 'j-3']);
    expect(mapped()).toBe(3);

    store.upsert(jobs, [job('j-2', 'completed', 'fixed')]);
    await projection.refresh();
    expect(mapped(), 'only the changed row is mapped again').toBe(4);
    expect([...projection.values()].find((j) => j.id === 'j-2')).toEqual({
      id: 'j-2',
      status: 'completed',
      description: 'fixed',
    });
    await projection.refresh();
    expect(mapped(), 'nothing changed: nothing read').toBe(4);
  });

  it('drops a row that stops matching its condition (a job deleted elsewhere)', async () => {
    const { store, projection } = setup();
    store.upsert(jobs, [job('j-1', 'created'), job('j-2', 'scheduled')]);
    await projection.refresh();
    store.remove(jobs, ['j-1']);
    await projection.refresh();
    expect([...projection.values()].map((j) => j.id)).toEqual(['j-2']);
  });

  it('drops rows removed from the table, which leave nothing behind to read', async () => {
    const store = new MirrorStore(openAppDb(':memory:'), 'America/Chicago');
    const projection = new TableProjection({
      db: store.db,
      table: mirrorCustomers,
      columns: { id: mirrorCustomers.id, seq: mirrorCustomers.seq, name: mirrorCustomers.name },
      map: (r: { id: string; seq: number; name: string | null }) => r.name,
    });
    store.upsert(
      customers,
      [1, 2, 3].map((id) => ({ id, name: `Customer ${id}`, active: true, dateModified: '2026-03-10 09:00:00' })),
    );
    await projection.refresh();
    store.remove(customers, ['2']);
    await projection.refresh();
    expect([...projection.values()].sort()).toEqual(['Customer 1', 'Customer 3']);
  });

  it('reads a table larger than a slice whole, and concurrent refreshes share one read', async () => {
    const { store, projection, mapped } = setup();
    store.upsert(
      jobs,
      Array.from({ length: 6_000 }, (_, i) => job(`j-${i + 1}`, 'scheduled')),
    );
    await Promise.all([projection.refresh(), projection.refresh()]);
    expect(projection.size).toBe(6_000);
    expect(mapped()).toBe(6_000);
  }, 30_000);
});
