/**
 * The jobs list's filters, in three shapes: the URL (nuqs parsers, so a filtered list is a link anyone can open), the
 * typed filter state the screen edits, and the job/list query the API understands. Pure: no React, no fetch.
 *
 * Choices:
 * - Records (technician, team, customer, site, equipment, job type, report template) are kept by id in the URL: ids are
 *   what job/list filters on without an extra lookup, and they survive renames.
 * - Dates are whole days in the account's zone (the API compares wall-clock times): from → "YYYY-MM-DD 00:00:00",
 *   to → "YYYY-MM-DD 23:59:59", so "to" includes that day.
 * - Defaults (show active, sort num descending, page 1, 25 a page) are left out of the URL to keep links short. Newest
 *   first is the default because a dispatcher looks for recent jobs far more often than job 1001.
 * - Changing any filter or the sort goes back to page 1 (see `withFilters`), else a narrower filter could leave the
 *   user on an empty page 7.
 */
import {
  createLoader,
  createSerializer,
  parseAsArrayOf,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
} from 'nuqs';
import { JOB_STATUSES, type JobStatus } from '../synchroteam/job-status';
import type { Query } from '../synchroteam/client';
import { endOfDay, startOfDay } from '../synchroteam/dates';

export const JOB_SORTS = ['num', 'scheduledStart', 'scheduledEnd', 'actualStart', 'actualEnd', 'dateModified'] as const;
export type JobSort = (typeof JOB_SORTS)[number];
export const JOB_SORT_LABELS: Record<JobSort, string> = {
  num: 'Job number',
  scheduledStart: 'Scheduled start',
  scheduledEnd: 'Scheduled end',
  actualStart: 'Actual start',
  actualEnd: 'Actual end',
  dateModified: 'Last modified',
};
export const JOB_SHOWS = ['active', 'deleted', 'all'] as const;
export type JobShow = (typeof JOB_SHOWS)[number];
export const PHOTO_FILTERS = ['yes', 'no'] as const;
export const PAGE_SIZES = [25, 50, 100] as const;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD day; anything else in the URL is ignored rather than sent to the API as a 400. */
const parseAsDay = parseAsString.withDefault('');

export const jobFilterParsers = {
  status: parseAsArrayOf(parseAsStringLiteral(JOB_STATUSES)).withDefault([]),
  from: parseAsDay,
  to: parseAsDay,
  tech: parseAsInteger,
  team: parseAsInteger,
  teamPref: parseAsInteger,
  customer: parseAsInteger,
  site: parseAsInteger,
  equipment: parseAsInteger,
  type: parseAsInteger,
  template: parseAsInteger,
  photos: parseAsStringLiteral(PHOTO_FILTERS),
  show: parseAsStringLiteral(JOB_SHOWS).withDefault('active'),
  sort: parseAsStringLiteral(JOB_SORTS).withDefault('num'),
  order: parseAsStringLiteral(['asc', 'desc'] as const).withDefault('desc'),
  page: parseAsInteger.withDefault(1),
  size: parseAsInteger.withDefault(25),
};

export interface JobFilters {
  status: JobStatus[];
  from: string;
  to: string;
  tech: number | null;
  team: number | null;
  teamPref: number | null;
  customer: number | null;
  site: number | null;
  equipment: number | null;
  type: number | null;
  template: number | null;
  photos: 'yes' | 'no' | null;
  show: JobShow;
  sort: JobSort;
  order: 'asc' | 'desc';
  page: number;
  size: number;
}

export const DEFAULT_JOB_FILTERS: JobFilters = {
  status: [],
  from: '',
  to: '',
  tech: null,
  team: null,
  teamPref: null,
  customer: null,
  site: null,
  equipment: null,
  type: null,
  template: null,
  photos: null,
  show: 'active',
  sort: 'num',
  order: 'desc',
  page: 1,
  size: 25,
};

const loader = createLoader(jobFilterParsers);
const serializer = createSerializer(jobFilterParsers, { clearOnDefault: true });

/** URL search (string, URLSearchParams or a Next searchParams record) → filters, with bad values dropped. */
export function parseJobFilters(
  search: string | URLSearchParams | Record<string, string | string[] | undefined>,
): JobFilters {
  const raw = loader(
    typeof search === 'string' ? new URLSearchParams(search) : (search as URLSearchParams),
  ) as JobFilters;
  return normalizeJobFilters(raw);
}

/** Keeps filters valid whatever the URL held: real days, positive page, a page size the API accepts. */
export function normalizeJobFilters(f: JobFilters): JobFilters {
  const day = (s: string) => (DATE_RE.test(s) ? s : '');
  const pos = (n: number | null) => (n !== null && Number.isSafeInteger(n) && n > 0 ? n : null);
  let from = day(f.from);
  let to = day(f.to);
  if (from && to && to < from) [from, to] = [to, from];
  return {
    ...f,
    status: [...new Set(f.status)].filter((s) => (JOB_STATUSES as readonly string[]).includes(s)),
    from,
    to,
    tech: pos(f.tech),
    team: pos(f.team),
    teamPref: pos(f.teamPref),
    customer: pos(f.customer),
    site: pos(f.site),
    equipment: pos(f.equipment),
    type: pos(f.type),
    template: pos(f.template),
    page: Math.max(1, Number.isSafeInteger(f.page) ? f.page : 1),
    size: (PAGE_SIZES as readonly number[]).includes(f.size) ? f.size : 25,
  };
}

/** Filters → "?status=…" (defaults left out); "" when everything is default. */
export function jobFiltersSearch(f: Partial<JobFilters>): string {
  return serializer({ ...DEFAULT_JOB_FILTERS, ...f });
}

/** Applies a change of filters; any change other than the page itself returns to page 1. */
export function withFilters(current: JobFilters, change: Partial<JobFilters>): JobFilters {
  const onlyPage = Object.keys(change).every((k) => k === 'page');
  return normalizeJobFilters({ ...current, ...change, page: onlyPage ? (change.page ?? current.page) : 1 });
}

/** Filters → job/list query (without page/pageSize when `paged` is false, e.g. for the CSV export). */
export function jobListQuery(f: JobFilters, opts: { paged?: boolean } = {}): Query {
  const q: Query = {};
  if (f.status.length) q.status = f.status.join(',');
  if (f.from) q.dateFrom = startOfDay(f.from);
  if (f.to) q.dateTo = endOfDay(f.to);
  if (f.tech) q.user_id = f.tech;
  if (f.team) q.team_id = f.team;
  if (f.teamPref) q.team_id_pref = f.teamPref;
  if (f.customer) q.customer_id = f.customer;
  if (f.site) q.site_id = f.site;
  if (f.equipment) q.equipment_id = f.equipment;
  if (f.type) q.type_id = f.type;
  if (f.template) q.reportTemplate_id = f.template;
  if (f.photos) q.hasPhotos = f.photos === 'yes';
  if (f.show !== 'active') q.show = f.show;
  // The API spells sort values in lower case in its table (scheduledstart); it matches them case-insensitively.
  q.sort = f.sort.toLowerCase();
  q.sortOrder = f.order === 'asc' ? 'ascending' : 'descending';
  if (opts.paged !== false) {
    q.page = f.page;
    q.pageSize = f.size;
  }
  return q;
}

/** How many filters narrow the list (for the "3 filters" badge and the empty state's wording). */
export function activeFilterCount(f: JobFilters): number {
  return [
    f.status.length > 0,
    !!f.from,
    !!f.to,
    f.tech,
    f.team,
    f.teamPref,
    f.customer,
    f.site,
    f.equipment,
    f.type,
    f.template,
    f.photos,
    f.show !== 'active',
  ].filter(Boolean).length;
}

/** The filters with every narrowing one cleared (sort and page size kept). */
export function clearedFilters(f: JobFilters): JobFilters {
  return { ...DEFAULT_JOB_FILTERS, sort: f.sort, order: f.order, size: f.size };
}

/** Number of pages for a total. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, size)));
}
