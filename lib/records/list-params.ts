/**
 * The list pages' state (search, active filter, parent filters, sort, page) ↔ the API's list query. The state lives in
 * the URL (nuqs parsers in components/records use these names and defaults); this module is the pure mapping, so the
 * three lists ask the API the same way and the tests can pin it down.
 */
import type { Query } from '../synchroteam/client';
import type { Page } from '../synchroteam/schemas/common';

export const RECORD_SORTS = ['name', 'myId', 'dateCreated', 'dateModified'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];
export type SortDir = 'asc' | 'desc';
export type ActiveFilter = 'active' | 'inactive';

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export interface RecordListState {
  q: string;
  active: ActiveFilter;
  sort: RecordSort;
  dir: SortDir;
  page: number;
  size: number;
  /** Sites and equipment: the customer they belong to (id). */
  customer?: number | null;
  /** Equipment: the site it is on (id). */
  site?: number | null;
}

export const DEFAULT_LIST_STATE: RecordListState = {
  q: '',
  active: 'active',
  sort: 'name',
  dir: 'asc',
  page: 1,
  size: DEFAULT_PAGE_SIZE,
};

/**
 * The API query of a list state. The name search is the API's wildcard search: a plain term is sent as is (the API
 * matches it anywhere in the name); `*` typed by the user is kept as the API's wildcard. pageSize is capped at 100,
 * the API's maximum.
 */
export function toListQuery(s: RecordListState): Query {
  const q: Query = {
    page: Math.max(1, Math.floor(s.page) || 1),
    pageSize: Math.min(100, Math.max(1, Math.floor(s.size) || DEFAULT_PAGE_SIZE)),
    sort: s.sort,
    sortOrder: s.dir === 'desc' ? 'descending' : 'ascending',
    // Without `active` the API lists active records only: say so explicitly either way.
    active: s.active === 'inactive' ? false : true,
  };
  const name = s.q.trim();
  if (name) q.name = name;
  if (s.customer) q.customer_id = s.customer;
  if (s.site) q.site_id = s.site;
  return q;
}

export function pageCount(recordsTotal: number, size: number): number {
  return Math.max(1, Math.ceil(recordsTotal / Math.max(1, size)));
}

/** "26–50 of 589" for the pager. */
export function rangeLabel(page: number, size: number, shown: number, total: number): string {
  if (total === 0 || shown === 0) return `0 of ${total}`;
  const from = (page - 1) * size + 1;
  return `${from}–${from + shown - 1} of ${total}`;
}

/** The next sort after a click on a column header: same column flips the direction, a new column starts ascending. */
export function nextSort(
  current: { sort: RecordSort; dir: SortDir },
  column: RecordSort,
): { sort: RecordSort; dir: SortDir } {
  if (current.sort === column) return { sort: column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: column, dir: column === 'dateCreated' || column === 'dateModified' ? 'desc' : 'asc' };
}

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const posInt = (v: string | undefined) => {
  const n = Number(v);
  return v !== undefined && /^\d+$/.test(v) && n > 0 ? n : null;
};

/**
 * The list state of a URL's search params, read on the server to fetch the first page with the HTML. Mirrors the
 * client's nuqs parsers (components/records/list-url-state.ts): an unknown or malformed value means its default.
 */
export function listStateFromSearchParams(
  sp: SearchParams,
): RecordListState & { customer: number | null; site: number | null } {
  const sort = one(sp.sort);
  const dir = one(sp.dir);
  return {
    q: one(sp.q) ?? '',
    active: one(sp.active) === 'inactive' ? 'inactive' : 'active',
    sort: (RECORD_SORTS as readonly string[]).includes(sort ?? '') ? (sort as RecordSort) : 'name',
    dir: dir === 'desc' ? 'desc' : 'asc',
    page: posInt(one(sp.page)) ?? 1,
    size: posInt(one(sp.size)) ?? DEFAULT_PAGE_SIZE,
    customer: posInt(one(sp.customer)),
    site: posInt(one(sp.site)),
  };
}

/** A list's first page as the page's server component read it (lib/server/records/first-page.ts), with the query it asked. */
export interface FirstPage<T = unknown> {
  query: Query;
  page: Page<T>;
}
