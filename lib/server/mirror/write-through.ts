/**
 * Write-through: after a successful write, the records it touched are read back (details) and stored, so the writer and
 * every other user see the change at once instead of at the next sync. Also read-through: a live details read that
 * the mirror could not answer is stored, and a 404 on one removes the record (customers, sites and equipment have no
 * deletion feed).
 *
 * Which record a write touched: the ids/nums/myIds its query and body name, plus the id its answer carries (a send that
 * created). Writes to resources kept by whole re-reads (activities, users, job types, …) ask the sync to re-read
 * that resource at its next tick instead.
 */
import 'server-only';
import type { UpstreamRequest, UpstreamResponse } from '../upstream/types';
import { RESOURCE_BY_NAME, type Doc, type ResourceName } from './resources';
import type { MirrorStore } from './store';

/** API resource prefix → mirror resource (details re-read) */
const DETAILED: Record<string, ResourceName> = {
  job: 'jobs',
  customer: 'customers',
  site: 'sites',
  equipment: 'equipment',
  invoice: 'invoices',
  quotation: 'quotations',
  creditnote: 'creditNotes',
};
/** Prefixes whose resource is re-read by the sync instead. */
const RESYNC: Record<string, ResourceName> = {
  activity: 'activities',
  user: 'users',
  jobtype: 'jobTypes',
  customfield: 'customFields',
  part: 'parts',
  depot: 'depots',
  timeline: 'timeline',
  tasks: 'tasks',
};

/** Fields of a job/details answer that job/list rows do not carry (the reference's "simplified job"). */
const NOT_IN_LIST = ['report', 'parts', 'preferences', 'timeEntries'];

export type Key = { id?: string; num?: number; myId?: string };

/** The record keys a write names (query, body items, answer), at most 20. */
export function writeKeys(query: URLSearchParams, body: unknown, answer: unknown): Key[] {
  const keys: Key[] = [];
  const seen = new Set<string>();
  const add = (k: Key) => {
    const s = JSON.stringify(k);
    if (!seen.has(s) && keys.length < 20) {
      seen.add(s);
      keys.push(k);
    }
  };
  const from = (o: Record<string, unknown>) => {
    const id = o.id ?? o.Id;
    if (typeof id === 'string' || typeof id === 'number') return add({ id: String(id) });
    const num = o.num;
    if (typeof num === 'number' || (typeof num === 'string' && /^\d+$/.test(num))) return add({ num: Number(num) });
    if (typeof o.myId === 'string' && o.myId) add({ myId: o.myId });
  };
  const fromQuery: Record<string, unknown> = {};
  for (const [k, v] of query) fromQuery[k.toLowerCase() === 'myid' ? 'myId' : k.toLowerCase()] = v;
  const pt = query.get('paramType');
  if (pt && query.has('paramValue')) fromQuery[pt === 'myid' ? 'myId' : pt] = query.get('paramValue');
  from(fromQuery);
  for (const src of [answer, body]) {
    for (const item of Array.isArray(src) ? src : [src])
      if (item && typeof item === 'object') from(item as Record<string, unknown>);
  }
  return keys;
}

export interface WriteThroughDeps {
  store: MirrorStore;
  /** The raw gateway (interactive: the writer waits for it). */
  request: (req: UpstreamRequest) => Promise<UpstreamResponse>;
  resync: (resource: ResourceName) => void;
  changed: (resources: ResourceName[]) => void;
}

const prefixOf = (path: string) => path.toLowerCase().replace(/^\/+/, '').split('/')[0];

export async function writeThrough(deps: WriteThroughDeps, req: UpstreamRequest, res: UpstreamResponse): Promise<void> {
  const prefix = prefixOf(req.path);
  const resync = RESYNC[prefix];
  if (resync) {
    deps.resync(resync);
    return;
  }
  const resource = DETAILED[prefix];
  if (!resource) return;
  const query = req.query instanceof URLSearchParams ? req.query : toSearch(req.query);
  const keys = writeKeys(query, req.body, res.body);
  await Promise.all(
    keys.map((k) =>
      readBack(deps, resource, k).catch((e) => console.error(`[mirror] read-back of ${prefix} failed`, e)),
    ),
  );
  deps.changed([resource]);
}

async function readBack(deps: WriteThroughDeps, resource: ResourceName, key: Key): Promise<void> {
  const def = RESOURCE_BY_NAME.get(resource)!;
  const res = await deps.request({
    method: 'GET',
    path: def.detailsPath!,
    query: key as Record<string, string | number>,
    priority: 'interactive',
  });
  storeRead(deps.store, resource, key, res);
}

/** Stores what a details read answered: the record, or its removal on 404. */
export function storeRead(store: MirrorStore, resource: ResourceName, key: Key, res: UpstreamResponse): void {
  const def = RESOURCE_BY_NAME.get(resource)!;
  if (res.status === 200 && res.body && typeof res.body === 'object' && !Array.isArray(res.body)) {
    const doc = res.body as Doc;
    if (resource === 'jobs') {
      const listRow: Doc = {};
      for (const [k, v] of Object.entries(doc)) if (!NOT_IN_LIST.includes(k)) listRow[k] = v;
      store.putJobDetails(doc, listRow);
    } else if (resource === 'customers' || resource === 'sites' || resource === 'equipment') {
      store.upsert(def, [doc]);
    } else {
      store.upsert(def, [doc]);
    }
  } else if (res.status === 404 && key.id !== undefined) {
    store.remove(def, [key.id]);
  }
}

function toSearch(q: UpstreamRequest['query']): URLSearchParams {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(q ?? {})) {
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) s.append(k, String(x));
    else s.append(k, String(v));
  }
  return s;
}

export { toSearch };
