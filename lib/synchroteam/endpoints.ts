/**
 * The endpoint table: every path of the Synchroteam API v3 reference, its verbs, and the roles allowed per verb.
 * The proxy answers 404 for a path not here, 405 for a verb not listed and 403 for a role not listed; the UI reads
 * the same table to hide what the server would refuse.
 *
 * Roles follow lib/permissions.ts: dispatchers run operations (jobs, scheduling, customers/sites/equipment,
 * activities, attachments, timeline, tasks, messages; users, teams, parts and settings read-only); managers add money
 * (invoices, quotations, credit notes, contracts), part writes and prices, inventory (depots, part movements and
 * requests) and job-type settings; admins add people (Synchroteam user accounts) and custom-field definitions.
 *
 * Paths are matched case-insensitively (the API does); the table keeps the reference's spelling, which is sent upstream.
 * Sources: every "HTTP Request" block of the reference, plus message/send and job/photos (given only in samples).
 */
import type { Role } from '../permissions';

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export const API_METHODS: readonly ApiMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

export interface EndpointDef {
  /** "resource/action" as the reference spells it, e.g. "activityType/list", "job/parts/send". */
  path: string;
  resource: string;
  action: string;
  /** Roles allowed per verb; a verb not listed answers 405. */
  methods: Partial<Record<ApiMethod, readonly Role[]>>;
}

const ALL: readonly Role[] = ['dispatcher', 'manager', 'admin'];
const MANAGERS: readonly Role[] = ['manager', 'admin'];
const ADMINS: readonly Role[] = ['admin'];

type Row = [path: string, methods: Partial<Record<ApiMethod, readonly Role[]>>];

/** Read for everyone, write for `writers`: the shape of most resources. */
const crud = (resource: string, writers: readonly Role[], readers: readonly Role[] = ALL): Row[] => [
  [`${resource}/details`, { GET: readers }],
  [`${resource}/list`, { GET: readers }],
  [`${resource}/send`, { POST: writers }],
  [`${resource}/delete`, { DELETE: writers }],
];

/** Customers, sites and equipment also have activate / desactivate / undelete (POST). */
const lifecycle = (resource: string, writers: readonly Role[]): Row[] => [
  ...crud(resource, writers),
  [`${resource}/activate`, { POST: writers }],
  [`${resource}/desactivate`, { POST: writers }],
  [`${resource}/undelete`, { POST: writers }],
];

const ROWS: Row[] = [
  // Operations
  ...crud('activity', ALL),
  ['activityType/list', { GET: ALL }],
  ['customfield/list', { GET: ALL }],
  ['customfield/send', { POST: ADMINS }], // account configuration
  ...lifecycle('customer', ALL),
  ...lifecycle('site', ALL),
  ...lifecycle('equipment', ALL),
  ...crud('job', ALL),
  ['job/parts/send', { POST: ALL }], // parts used on a job are job data the dispatcher records
  ['job/photos', { GET: ALL }],
  ['job/schedule', { POST: ALL }],
  ['job/unschedule', { POST: ALL }],
  ['job/cancel', { POST: ALL }],
  ['job/validate', { POST: ALL }],
  ['job/start', { POST: ALL }],
  ['job/confirm', { POST: ALL }],
  ['job/complete', { POST: ALL }],
  ['jobschedulingwindow/list', { GET: ALL }],
  ['jobtype/details', { GET: ALL }],
  ['jobtype/list', { GET: ALL }],
  ['jobtype/send', { POST: MANAGERS }], // settings that change prices and durations
  ['jobReport/details', { GET: ALL }],
  ['jobReportTemplate/details', { GET: ALL }],
  ['jobReportTemplate/list', { GET: ALL }],
  ['block/details', { GET: ALL }],
  ['block/list', { GET: ALL }],
  ...crud('recurrence', ALL),
  ['recurrence/close', { PUT: ALL }],
  ['user/details', { GET: ALL }],
  ['user/list', { GET: ALL }],
  ['user/send', { POST: ADMINS }], // technician accounts are people management
  ['user/delete', { DELETE: ADMINS }],
  ['team/list', { GET: ALL }],
  ['tax/list', { GET: ALL }],
  ['attachment/list', { GET: ALL }],
  ['attachment/create', { POST: ALL }],
  ['attachment/delete', { DELETE: ALL }],
  ['message/send', { POST: ALL }],
  ['timeline/list', { GET: ALL }],
  ['timeline/send', { POST: ALL }],
  ['tasks/list', { GET: ALL }],
  ['tasks/send', { POST: ALL }],
  // Catalogue: everyone reads parts (jobs use them); managers change them and their prices.
  ...crud('part', MANAGERS),
  ['part/prices', { POST: MANAGERS }],
  // Money
  ['contract/details', { GET: ALL }], // a job shows its contract
  ['contract/list', { GET: ALL }],
  ['contract/send', { POST: MANAGERS }],
  ['invoice/details', { GET: MANAGERS }],
  ['invoice/list', { GET: MANAGERS }],
  ['invoice/send', { POST: MANAGERS }],
  ['invoice/duplicate', { POST: MANAGERS }],
  // cancel: the HTTP Request block says DELETE, every code sample POSTs; both are accepted.
  ['invoice/cancel', { DELETE: MANAGERS, POST: MANAGERS }],
  ['quotation/details', { GET: MANAGERS }],
  ['quotation/list', { GET: MANAGERS }],
  ['quotation/send', { POST: MANAGERS }],
  ['quotation/duplicate', { POST: MANAGERS }],
  ['quotation/cancel', { DELETE: MANAGERS, POST: MANAGERS }],
  ['creditnote/details', { GET: MANAGERS }],
  ['creditnote/list', { GET: MANAGERS }],
  // Inventory
  ['depot/details', { GET: MANAGERS }],
  ['depot/list', { GET: MANAGERS }],
  ['depot/quantities', { POST: MANAGERS }],
  ['partmovement/do', { POST: MANAGERS }],
  ['partrequest/details', { GET: MANAGERS }],
  ['partrequest/list', { GET: MANAGERS }],
  ['partrequest/send', { POST: MANAGERS }],
  ['partrequest/fulfill', { POST: MANAGERS }],
];

export const ENDPOINTS: readonly EndpointDef[] = ROWS.map(([path, methods]) => {
  const i = path.indexOf('/');
  return { path, resource: path.slice(0, i), action: path.slice(i + 1), methods };
});

const BY_KEY = new Map(ENDPOINTS.map((e) => [e.path.toLowerCase(), e]));
if (BY_KEY.size !== ENDPOINTS.length) throw new Error('endpoints.ts: a path is listed twice');

export function normalizeApiPath(path: string): string {
  return path
    .replace(/^\/+|\/+$/g, '')
    .replace(/\/{2,}/g, '/')
    .toLowerCase();
}

export function getEndpoint(path: string): EndpointDef | undefined {
  return BY_KEY.get(normalizeApiPath(path));
}

export type EndpointMatch =
  { endpoint: EndpointDef; method: ApiMethod; roles: readonly Role[] } | 'unknown-path' | 'wrong-method';

export function findEndpoint(path: string, method: string): EndpointMatch {
  const endpoint = getEndpoint(path);
  if (!endpoint) return 'unknown-path';
  const m = method.toUpperCase() as ApiMethod;
  const roles = endpoint.methods[m];
  return roles ? { endpoint, method: m, roles } : 'wrong-method';
}

/** Verbs a path accepts (for the Allow header of a 405). */
export function allowedMethods(path: string): ApiMethod[] {
  const e = getEndpoint(path);
  return e ? API_METHODS.filter((m) => e.methods[m]) : [];
}

/** What the UI asks before showing a button: would the server let this role do it? */
export function canCall(role: Role | null | undefined, path: string, method: ApiMethod): boolean {
  const m = findEndpoint(path, method);
  return !!role && typeof m === 'object' && m.roles.includes(role);
}

export function isWriteMethod(method: string): boolean {
  return method.toUpperCase() !== 'GET';
}
