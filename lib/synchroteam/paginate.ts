/** Walking every page of a list endpoint (pageSize 100, the API's maximum) until recordsTotal is reached. */
import type { Page } from './schemas/common';

export const MAX_PAGE_SIZE = 100;

export interface PaginateProgress {
  page: number;
  loaded: number;
  total: number;
}

export interface PaginateOptions {
  onProgress?: (p: PaginateProgress) => void;
  signal?: AbortSignal;
  /** Default and maximum 100. */
  pageSize?: number;
  /** Safety stop against an API that never reports the end. */
  maxPages?: number;
}

export type ListFn<T, Q> = (query: Q & { page: number; pageSize: number }) => Promise<Page<T>>;

/** Yields pages in order. Stops at recordsTotal, at an empty or short page, or at maxPages. */
export async function* iteratePages<T, Q extends object>(
  listFn: ListFn<T, Q>,
  query: Q,
  opts: PaginateOptions = {},
): AsyncGenerator<Page<T>> {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, opts.pageSize ?? MAX_PAGE_SIZE));
  const maxPages = opts.maxPages ?? 10_000;
  let loaded = 0;
  for (let page = 1; page <= maxPages; page++) {
    opts.signal?.throwIfAborted();
    const res = await listFn({ ...query, page, pageSize });
    loaded += res.data.length;
    opts.onProgress?.({ page, loaded, total: res.recordsTotal });
    yield res;
    if (res.data.length === 0 || res.data.length < pageSize || loaded >= res.recordsTotal) return;
  }
}

/** Every record of a list, page by page (sequential: one page at a time keeps the shared API budget fair). */
export async function paginateAll<T, Q extends object>(
  listFn: ListFn<T, Q>,
  query: Q,
  opts: PaginateOptions = {},
): Promise<T[]> {
  const all: T[] = [];
  for await (const page of iteratePages(listFn, query, opts)) all.push(...page.data);
  return all;
}
