/**
 * Links from notes, tasks and attachments to the records they belong to (customer, site, equipment, job, user):
 * reading them from bodies, their embedded shapes, and the list filters on them. Re-exported by common.ts.
 */
import type { Query } from '../http/params';
import type { Row } from '../store/collection';
import type { Store } from '../store/store';
import { field, resolveRef, type Body } from './common';
import { recordRef, refFilter } from './common-records';

/** How a body may name each linked record, and the embedded shape answers give it. */
export const LINK_KEYS: Record<string, Record<string, string>> = {
  customer: { id: 'id', myId: 'my_id' },
  site: { id: 'id', myId: 'my_id' },
  equipment: { id: 'id', myId: 'my_id' },
  job: { id: 'id', myId: 'my_id', num: 'num' },
  user: { id: 'id', login: 'login' },
};

/** `{id, myId, num}` of a job. num is served as text, as every embedded job of the reference shows it ("2861"). */
export function jobRef(row: Row | null | undefined) {
  if (!row) return null;
  return {
    id: row.id,
    myId: row.doc.myId ?? null,
    num: row.doc.num === undefined || row.doc.num === null ? null : String(row.doc.num),
  };
}

/** `{id, name, login}` of a user, name being "First Last". */
export function userRef(row: Row | null | undefined) {
  if (!row) return null;
  const name = [row.doc.firstName, row.doc.lastName].filter(Boolean).join(' ') || null;
  return { id: row.id, name, login: row.doc.login ?? null };
}

/** Resolves a link field of a body (null clears it; undefined when absent); unknown records are a 400 naming it. */
export function readLink(
  store: Store,
  body: Body,
  link: keyof typeof LINK_KEYS,
  name: string = link,
): Row | null | undefined {
  return resolveRef(field(body, name), store.collection(link), LINK_KEYS[link], name);
}

/** The embedded reference of a linked record. */
export function linkRef(link: string, row: Row | null | undefined) {
  if (link === 'job') return jobRef(row);
  if (link === 'user' || link === 'userDone') return userRef(row);
  return recordRef(row);
}

/**
 * The `<link>_id` / `<link>_myId` / `job_num` / `user_login` filters of attachment, timeline and task lists. Ids
 * that are not integers are 400s (job ids are text); a key nobody has matches nothing.
 */
export function linkFilters(q: Query, where: string[], params: unknown[], links: string[], store: Store): void {
  for (const link of links) {
    const coll = link === 'userDone' ? 'user' : link;
    const keys = LINK_KEYS[coll];
    const column = link === 'userDone' ? 'user_done_id' : `${link}_id`;
    refFilter(q, where, params, link, column, { table: store.collection(coll).table, keys, textId: coll === 'job' });
  }
}
