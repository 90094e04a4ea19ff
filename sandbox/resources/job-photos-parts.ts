/**
 * job/photos (photos taken on a job, with their data on request) and job/parts/send (parts used on a job).
 *
 * Photos live in the `photo` collection: `{fileName, iteration, comment, url?, _jobId, _imageData (base64)}`. The
 * API cannot add photos (technicians take them on the mobile app), so seeds and the live clock insert them with
 * addJobPhoto, or directly. A photo without its own url is served by the sandbox at
 * /api/v3/jobphoto/<id>/<token> (no Basic auth, an unguessable token instead, as production's download links).
 *
 * Readings taken:
 * - getImageData=true fills imageData (base64); otherwise imageData is null. Photos come in iteration, then id order.
 * - parts/send names the job by id / num / myId (null, "" and 0 are absent keys, as in its example) and each part by
 *   id or, failing that, reference, in the `part` collection; an unknown part is a 400 naming the entry. quantity
 *   must be a number above 0. A part already on the job has its quantity increased and its serial numbers merged.
 *   The answer is `{id, parts}` with the parts as sent, their id resolved (the example's `"id": null` entries are
 *   the request echoed). Parts cannot be added to a cancelled or validated job.
 * - Stock is not moved: the Inventory Management endpoints (part movements, depots) are documented separately and
 *   nothing says a job's parts change stock through the API.
 */
import { createHmac } from 'node:crypto';
import { parseDecimal } from '../../lib/synchroteam/money';
import { badRequest, notFound } from '../http/errors';
import type { Router } from '../http/router';
import type { Doc, Row } from '../store/collection';
import type { Store } from '../store/store';
import { field, requireObject, type Body, type Ctx } from './common';
import { jobFromBody, jobFromQuery, jobKey } from './job-shared';

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

function photoToken(ctx: { config: { apiKey: string } }, id: number | string): string {
  return createHmac('sha256', ctx.config.apiKey).update(`photo:${id}`).digest('hex').slice(0, 32);
}

/** Adds a photo to a job (seeds, live clock, tests). */
export function addJobPhoto(
  store: Store,
  jobId: string,
  photo: {
    fileName: string;
    comment?: string | null;
    iteration?: number;
    imageData?: string | null;
    url?: string | null;
  },
): Row {
  return store.collection('photo').insert({
    fileName: photo.fileName,
    iteration: photo.iteration ?? 0,
    comment: photo.comment ?? null,
    url: photo.url ?? null,
    _jobId: jobId,
    _imageData: photo.imageData ?? null,
  });
}

function photoView(r: Row, ctx: Ctx, withData: boolean): Doc {
  const d = r.doc;
  return {
    url: (d.url as string) || `${ctx.baseUrl}/jobphoto/${String(r.id)}/${photoToken(ctx, r.id)}`,
    fileName: d.fileName,
    iteration: d.iteration ?? 0,
    comment: d.comment ?? null,
    imageData: withData ? ((d._imageData as string) ?? null) : null,
  };
}

function readParts(store: Store, raw: unknown): Doc[] {
  if (!Array.isArray(raw) || !raw.length)
    throw badRequest(`Field 'parts' must be a non-empty list of {id or reference, quantity, serialNumbers}`);
  const parts = store.collection('part');
  return raw.map((p, i) => {
    const where = `parts[${i}]`;
    if (!p || typeof p !== 'object' || Array.isArray(p)) throw badRequest(`Field '${where}' must be an object`);
    const b = p as Body;
    const id = field(b, 'id');
    const reference = field(b, 'reference');
    let row: Row | null | undefined = null;
    if (id !== undefined && id !== null && id !== '' && id !== 0) {
      row = parts.get(id as number);
      if (!row) throw badRequest(`Field '${where}.id': unknown part (id=${String(id)})`);
    } else if (typeof reference === 'string' && reference.trim()) {
      row = parts.findBy('reference', reference.trim())[0];
      if (!row) throw badRequest(`Field '${where}.reference': unknown part (reference=${reference})`);
    } else throw badRequest(`Field '${where}' must name the part with id or reference`);
    const q = parseDecimal(field(b, 'quantity') as string | number | null | undefined);
    if (!q || q.lte(0)) throw badRequest(`Field '${where}.quantity' must be a number above 0`);
    const sn = field(b, 'serialNumbers');
    if (sn !== undefined && sn !== null && (!Array.isArray(sn) || sn.some((s) => typeof s !== 'string'))) {
      throw badRequest(`Field '${where}.serialNumbers' must be a list of strings or null`);
    }
    return {
      id: row.id,
      quantity: q.toNumber(),
      reference: (row.doc.reference as string) ?? null,
      serialNumbers: (sn as string[] | null | undefined) ?? null,
    };
  });
}

export function registerJobPhotosParts(router: Router, store: Store): void {
  const photos = store.collection('photo');
  const jobs = store.collection('job');

  router.get('job/photos', (ctx) => {
    const job = jobFromQuery(ctx.query, store);
    const withData = ctx.query.bool('getImageData') ?? false;
    const rows = photos
      .all('job_id = ?', [job.id])
      .sort((a, b) => Number(a.doc.iteration ?? 0) - Number(b.doc.iteration ?? 0));
    return { job: jobKey(job.doc), photos: rows.map((r) => photoView(r, ctx, withData)) };
  });

  router.addPublic('jobphoto', (ctx, rest) => {
    const [id, token] = rest.split('/');
    const row = /^\d+$/.test(id ?? '') ? photos.get(Number(id)) : null;
    if (!row || !token || token !== photoToken(ctx, row.id) || !row.doc._imageData) throw notFound('Photo not found');
    const ext =
      String(row.doc.fileName ?? '')
        .split('.')
        .pop()
        ?.toLowerCase() ?? '';
    return new Response(Buffer.from(String(row.doc._imageData), 'base64'), {
      status: 200,
      headers: { 'Content-Type': MIME[ext] ?? 'application/octet-stream' },
    });
  });

  router.post('job/parts/send', (ctx) => {
    const body = requireObject(ctx.body);
    const job = jobFromBody(body, store);
    if (job.doc.status === 'cancelled' || job.doc.status === 'validated') {
      throw badRequest(`Job ${String(job.doc.num)} is ${String(job.doc.status)}: parts can no longer be added`);
    }
    const sent = readParts(store, field(body, 'parts'));
    const current = ((job.doc.parts as Doc[]) ?? []).map((p) => ({ ...p }));
    for (const p of sent) {
      const same = current.find((c) => c.id === p.id);
      if (!same) current.push({ ...p, serialNumbers: p.serialNumbers ? [...(p.serialNumbers as string[])] : null });
      else {
        same.quantity = parseDecimal(same.quantity as number)!
          .plus(p.quantity as number)
          .toNumber();
        const serials = [...((same.serialNumbers as string[]) ?? []), ...((p.serialNumbers as string[]) ?? [])];
        same.serialNumbers = serials.length ? [...new Set(serials)] : null;
      }
    }
    jobs.update(job.id, { ...job.doc, parts: current });
    return { id: job.id, parts: sent };
  });
}
