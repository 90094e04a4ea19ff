/**
 * One typed Synchroteam client for server and browser code. The functions are the same; only the transport differs:
 * - server: `gatewayTransport(getGateway())`, straight through the upstream gateway;
 * - browser: `browserTransport()`, a same-origin fetch to the /api/st proxy (which adds the credentials).
 * Answers are validated with the shared zod schemas; any non-2xx answer throws ApiError (plain-language message).
 */
import { z } from 'zod';
import { ApiError } from './errors';
import { paginateAll, type PaginateOptions } from './paginate';
import { ZPage, type Page } from './schemas/common';
import { ZActivity, ZActivityType } from './schemas/activity';
import { ZCreditNote } from './schemas/creditnote';
import { ZCustomer, ZCustomFieldDef } from './schemas/customer';
import { ZEquipment } from './schemas/equipment';
import { ZCancelAnswer, ZInvoice, ZInvoiceDuplicateCancelled } from './schemas/invoice';
import {
  ZJob,
  ZJobListItem,
  ZJobPartsAnswer,
  ZJobPhotos,
  ZJobScheduleAnswer,
  ZJobStartAnswer,
  ZJobStatusAnswer,
} from './schemas/job';
import { ZJobSchedulingWindow, ZJobType } from './schemas/jobtype';
import { ZPart, ZPartPriceResult } from './schemas/part';
import { ZQuotation } from './schemas/quotation';
import { ZRecurrence } from './schemas/recurrence';
import { ZSite } from './schemas/site';
import { ZTax } from './schemas/tax';
import { ZTeam } from './schemas/team';
import { ZUser } from './schemas/user';
import type { ApiMethod } from './endpoints';

export type QueryScalar = string | number | boolean;
export type Query = Record<string, QueryScalar | readonly QueryScalar[] | null | undefined>;

export interface CallOptions {
  signal?: AbortSignal;
  /** Background refreshes yield to what a person is waiting for. */
  priority?: 'interactive' | 'background';
}

export interface TransportRequest extends CallOptions {
  method: ApiMethod;
  path: string;
  query?: Query;
  body?: unknown;
}

export interface TransportResponse {
  status: number;
  body: unknown;
  headers: Headers | Readonly<Record<string, string>>;
}

export type Transport = (req: TransportRequest) => Promise<TransportResponse>;

function toSearch(query: Query | undefined): string {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) p.append(k, String(x));
    else p.append(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Browser transport: same-origin fetch to the proxy; the session cookie is the only credential. */
export function browserTransport(opts: { baseUrl?: string; fetch?: typeof fetch } = {}): Transport {
  const base = (opts.baseUrl ?? '/api/st').replace(/\/+$/, '');
  return async (req) => {
    const f = opts.fetch ?? globalThis.fetch;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';
    if (req.priority === 'background') headers['x-dc-priority'] = 'background';
    const res = await f(`${base}/${req.path.replace(/^\/+/, '')}${toSearch(req.query)}`, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: req.signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
    const text = await res.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: res.status, body, headers: res.headers };
  };
}

/** The part of the server gateway the client needs (structural, so this module stays importable in the browser). */
export interface GatewayLike {
  request(req: TransportRequest): Promise<{ status: number; body: unknown; headers: Readonly<Record<string, string>> }>;
}

/** Server transport: through the upstream gateway. Gateway failures become ApiErrors like the proxy's answers. */
export function gatewayTransport(gateway: GatewayLike): Transport {
  return async (req) => {
    try {
      return await gateway.request(req);
    } catch (e) {
      const name = (e as Error)?.name;
      if (name === 'UpstreamTimeout')
        throw new ApiError({ status: 504, error: 'Gateway Timeout', detail: (e as Error).message });
      if (name === 'UpstreamUnavailable')
        throw new ApiError({ status: 502, error: 'Bad Gateway', detail: (e as Error).message });
      throw e;
    }
  };
}

/** Which record: `id`, `myId` or (jobs) `num`; some resources also accept name/email/login/reference. */
export type RecordKey = { id?: number | string; myId?: string; num?: number } & Query;

type Body = Record<string, unknown>;

export function createClient(transport: Transport) {
  async function call<S extends z.ZodType>(schema: S, req: TransportRequest): Promise<z.infer<S>> {
    const res = await transport(req);
    if (res.status < 200 || res.status >= 300) throw ApiError.fromResponse(res.status, res.body, res.headers);
    const parsed = schema.safeParse(res.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError({
        status: 502,
        error: 'Bad Gateway',
        detail:
          `Unexpected answer from ${req.path}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
        body: res.body,
      });
    }
    return parsed.data;
  }

  const get = <S extends z.ZodType>(schema: S, path: string, query?: Query, o?: CallOptions) =>
    call(schema, { method: 'GET', path, query, ...o });
  const post = <S extends z.ZodType>(schema: S, path: string, body?: unknown, o?: CallOptions, query?: Query) =>
    call(schema, { method: 'POST', path, body, query, ...o });
  const del = <S extends z.ZodType>(schema: S, path: string, query: Query, o?: CallOptions) =>
    call(schema, { method: 'DELETE', path, query, ...o });

  /** list / details / send / delete, the shape most resources share. */
  function resource<I extends z.ZodType, L extends z.ZodType = I>(name: string, item: I, listItem?: L) {
    const pageSchema = ZPage((listItem ?? item) as L);
    const list = (query: Query = {}, o?: CallOptions): Promise<Page<z.infer<L>>> =>
      get(pageSchema, `${name}/list`, query, o);
    return {
      list,
      /** Every record matching the query (pageSize 100, until recordsTotal). */
      listAll: (query: Query = {}, opts: PaginateOptions & CallOptions = {}) =>
        paginateAll<z.infer<L>, Query>((q) => list(q, { signal: opts.signal, priority: opts.priority }), query, opts),
      details: (key: RecordKey, o?: CallOptions) => get(item, `${name}/details`, key, o),
      send: (body: Partial<z.infer<I>> & Body, o?: CallOptions) => post(item, `${name}/send`, body, o),
      delete: (key: RecordKey, o?: CallOptions) => del(z.unknown(), `${name}/delete`, key, o),
    };
  }

  /** Customers, sites and equipment can also be activated, deactivated and undeleted. */
  function withLifecycle<I extends z.ZodType>(name: string, item: I) {
    return {
      ...resource(name, item),
      activate: (key: RecordKey, o?: CallOptions) => post(z.unknown(), `${name}/activate`, undefined, o, key),
      deactivate: (key: RecordKey, o?: CallOptions) => post(z.unknown(), `${name}/desactivate`, undefined, o, key),
      undelete: (key: RecordKey, o?: CallOptions) => post(z.unknown(), `${name}/undelete`, undefined, o, key),
    };
  }

  const jobKey = (key: RecordKey) => ({ id: key.id, myId: key.myId, num: key.num });

  return {
    /** Escape hatch for endpoints without a helper: the raw JSON, still with ApiError on failure. */
    raw: (req: TransportRequest) => call(z.unknown(), req),

    customers: withLifecycle('customer', ZCustomer),
    sites: withLifecycle('site', ZSite),
    equipment: withLifecycle('equipment', ZEquipment),

    jobs: {
      ...resource('job', ZJob, ZJobListItem),
      schedule: (body: RecordKey & Body, o?: CallOptions) => post(ZJobScheduleAnswer, 'job/schedule', body, o),
      unschedule: (key: RecordKey, o?: CallOptions) => post(ZJobScheduleAnswer, 'job/unschedule', jobKey(key), o),
      confirm: (key: RecordKey, o?: CallOptions) => post(ZJobStatusAnswer, 'job/confirm', jobKey(key), o),
      start: (body: RecordKey & { actualStart?: string }, o?: CallOptions) =>
        post(ZJobStartAnswer, 'job/start', body, o),
      complete: (body: RecordKey & Body, o?: CallOptions) => post(ZJobStatusAnswer, 'job/complete', body, o),
      validate: (body: RecordKey & { validateBy?: { id?: number; login?: string } }, o?: CallOptions) =>
        post(ZJobStatusAnswer, 'job/validate', body, o),
      cancel: (key: RecordKey, o?: CallOptions) => post(ZJobStatusAnswer, 'job/cancel', jobKey(key), o),
      photos: (key: RecordKey & { getImageData?: boolean }, o?: CallOptions) => get(ZJobPhotos, 'job/photos', key, o),
      sendParts: (body: RecordKey & { parts: Body[] }, o?: CallOptions) =>
        post(ZJobPartsAnswer, 'job/parts/send', body, o),
    },
    jobTypes: {
      list: (query: Query = {}, o?: CallOptions) => get(ZPage(ZJobType), 'jobtype/list', query, o),
      details: (key: RecordKey, o?: CallOptions) => get(ZJobType, 'jobtype/details', key, o),
      send: (body: Body, o?: CallOptions) => post(ZJobType, 'jobtype/send', body, o),
    },
    schedulingWindows: {
      list: (query: Query = {}, o?: CallOptions) =>
        get(ZPage(ZJobSchedulingWindow), 'jobschedulingwindow/list', query, o),
    },
    recurrences: {
      ...resource('recurrence', ZRecurrence),
      close: (body: RecordKey & Body, o?: CallOptions) =>
        call(z.unknown(), { method: 'PUT', path: 'recurrence/close', body, ...o }),
    },

    users: resource('user', ZUser),
    teams: { list: (query: Query = {}, o?: CallOptions) => get(ZPage(ZTeam), 'team/list', query, o) },
    activities: resource('activity', ZActivity),
    activityTypes: {
      list: (query: Query = {}, o?: CallOptions) => get(ZPage(ZActivityType), 'activityType/list', query, o),
    },
    customFields: {
      list: (query: Query = {}, o?: CallOptions) => get(ZPage(ZCustomFieldDef), 'customfield/list', query, o),
    },

    parts: {
      ...resource('part', ZPart),
      prices: (body: Body[] | Body, o?: CallOptions) => post(z.array(ZPartPriceResult), 'part/prices', body, o),
    },
    taxes: { list: (query: Query = {}, o?: CallOptions) => get(ZPage(ZTax), 'tax/list', query, o) },

    invoices: {
      list: (query: Query = {}, o?: CallOptions) => get(ZPage(ZInvoice), 'invoice/list', query, o),
      details: (key: RecordKey, o?: CallOptions) => get(ZInvoice, 'invoice/details', key, o),
      send: (body: Body, o?: CallOptions) => post(ZInvoice, 'invoice/send', body, o),
      /** cancel=true answers the ids of the cancelled invoice, its credit note and the new draft; otherwise the draft. */
      duplicate: (body: RecordKey & { cancel?: boolean }, o?: CallOptions) =>
        post(z.union([ZInvoiceDuplicateCancelled, ZInvoice]), 'invoice/duplicate', body, o),
      cancel: (body: RecordKey & { createCreditnote?: boolean }, o?: CallOptions) =>
        call(ZCancelAnswer, { method: 'DELETE', path: 'invoice/cancel', body, ...o }),
    },
    quotations: {
      list: (query: Query = {}, o?: CallOptions) => get(ZPage(ZQuotation), 'quotation/list', query, o),
      details: (key: RecordKey, o?: CallOptions) => get(ZQuotation, 'quotation/details', key, o),
      send: (body: Body, o?: CallOptions) => post(ZQuotation, 'quotation/send', body, o),
      duplicate: (body: RecordKey, o?: CallOptions) => post(ZQuotation, 'quotation/duplicate', body, o),
      cancel: (body: RecordKey, o?: CallOptions) =>
        call(z.unknown(), { method: 'DELETE', path: 'quotation/cancel', body, ...o }),
    },
    creditNotes: {
      list: (query: Query = {}, o?: CallOptions) => get(ZPage(ZCreditNote), 'creditnote/list', query, o),
      details: (key: RecordKey, o?: CallOptions) => get(ZCreditNote, 'creditnote/details', key, o),
    },
  };
}

export type SynchroteamClient = ReturnType<typeof createClient>;

/** The browser's client: same-origin calls to the /api/st proxy. */
export function createBrowserClient(opts?: Parameters<typeof browserTransport>[0]): SynchroteamClient {
  return createClient(browserTransport(opts));
}
