/**
 * Query-string readers shared by every resource. Parameter names are matched case-insensitively (production accepts
 * `myid` as well as `myId`); a value that cannot be read is a 400 naming the parameter, never a silent default.
 */
import { parseApiDate, type LocalDateTime } from '../../lib/synchroteam/dates';
import { badRequest } from './errors';

export class Query {
  private readonly map = new Map<string, string[]>();
  constructor(search: URLSearchParams) {
    for (const [k, v] of search) {
      const key = k.toLowerCase();
      const list = this.map.get(key) ?? [];
      list.push(v);
      this.map.set(key, list);
    }
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  /** First value, trimmed; undefined when absent or empty. */
  str(name: string): string | undefined {
    const v = this.map.get(name.toLowerCase())?.[0]?.trim();
    return v === undefined || v === '' ? undefined : v;
  }
  /** All values; also splits comma-separated lists (`status=created,scheduled`). */
  list(name: string): string[] {
    return (this.map.get(name.toLowerCase()) ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
  }
  int(name: string): number | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v)) throw badRequest(`Parameter '${name}' must be an integer (got '${v}')`);
    return Number(v);
  }
  bool(name: string): boolean | undefined {
    const v = this.str(name)?.toLowerCase();
    if (v === undefined) return undefined;
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    throw badRequest(`Parameter '${name}' must be true or false (got '${v}')`);
  }
  date(name: string): LocalDateTime | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    const d = parseApiDate(v);
    if (!d) throw badRequest(`Parameter '${name}' is not a valid date (expected yyyy-mm-dd HH:mm:ss, got '${v}')`);
    return d;
  }
  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    const hit = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
    if (!hit) throw badRequest(`Parameter '${name}' must be one of ${allowed.join(', ')} (got '${v}')`);
    return hit;
  }
}

export interface Paging {
  page: number;
  pageSize: number;
}

/**
 * page starts at 1; pageSize defaults to 25. Reading taken: a pageSize above the documented maximum of 100 is served
 * as 100 (and reported as such), page or pageSize below 1 is a 400.
 */
export function readPaging(q: Query): Paging {
  const page = q.int('page') ?? 1;
  let pageSize = q.int('pageSize') ?? 25;
  if (page < 1) throw badRequest(`Parameter 'page' must be 1 or more`);
  if (pageSize < 1) throw badRequest(`Parameter 'pageSize' must be between 1 and 100`);
  if (pageSize > 100) pageSize = 100;
  return { page, pageSize };
}

export type SortOrder = 'ascending' | 'descending';

/** Reads sort/sortOrder against the columns a list allows. Returns the SQL column and direction. */
export function readSort(q: Query, allowed: Record<string, string>, fallback: string) {
  const keys = Object.keys(allowed);
  const sort = q.oneOf('sort', keys) ?? fallback;
  const order = q.oneOf('sortOrder', ['ascending', 'descending'] as const) ?? 'ascending';
  return { column: allowed[sort], direction: order === 'descending' ? 'DESC' : 'ASC' } as const;
}
