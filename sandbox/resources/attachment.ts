/**
 * Attachments: create (a file sent as base64, or an external link) / list / delete, and the download route of files.
 *
 * Readings taken where the reference is ambiguous:
 * - Files are kept in the database (collection 'attachmentfile', apart from the attachment so lists never load
 *   them). `url` of a file is `<api base>/files/<id>/<token>`: a random token makes the link unguessable, so it is
 *   served without credentials (like production's download links); a wrong token, id or a deleted attachment is a 404.
 *   Downloads carry the file's Content-Type (from the data URL prefix when sent, else from the file name's
 *   extension) and `Content-Disposition: attachment` with the file name.
 * - fileData is standard base64 (whitespace ignored; a `data:<mime>;base64,` prefix is accepted). Files above
 *   MAX_FILE_BYTES are refused with 413 naming 'fileData'; an empty or invalid payload is a 400.
 * - External links need `url` (http or https) and `name`; files need `fileName` and `fileData`, `name` defaulting to
 *   fileName. isPrivate defaults to false, isExternalLink to false.
 * - job is named by id, myId or num; customer/site/equipment by id or myId (the reference's "id or myId for the
 *   customer" on site and equipment is read as a copy slip). No link at all makes a general attachment. Several
 *   links may be given together; they are not cross-checked.
 * - list: name is a wildcard search; every `<link>_id/_myId` filter and job_num; sort id (default) | name.
 * - delete removes the attachment and its file for good.
 */
import { MAX_ATTACHMENT_BYTES } from '../../lib/synchroteam/limits';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { extname } from 'node:path';
import { readPaging, readSort } from '../http/params';
import { ApiError, badRequest, notFound } from '../http/errors';
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import type { Doc, Row } from '../store/collection';
import {
  field,
  likePattern,
  linkFilters,
  linkRef,
  listResponse,
  optBool,
  optString,
  publicDoc,
  readLink,
  requireObject,
  selectByParam,
  type Body,
  type Ctx,
} from './common';

export const MAX_FILE_BYTES = MAX_ATTACHMENT_BYTES;
const LINKS = ['job', 'customer', 'site', 'equipment'] as const;

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.bmp': 'image/bmp',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.html': 'text/html; charset=utf-8',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.zip': 'application/zip',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.heic': 'image/heic',
};

export function mimeOf(fileName: string): string {
  return MIME[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Decodes fileData; returns the bytes and the MIME type a data URL named. */
function decodeFileData(v: unknown): { bytes: Buffer; mime?: string } {
  if (typeof v !== 'string') throw badRequest(`Field 'fileData' must be a base64 string`);
  let s = v;
  let mime: string | undefined;
  const m = /^data:([^;,]+)?(?:;[^,]*)?;base64,/i.exec(s);
  if (m) {
    mime = m[1];
    s = s.slice(m[0].length);
  }
  s = s.replace(/\s+/g, '');
  if (!s) throw badRequest(`Field 'fileData' is empty`);
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw badRequest(`Field 'fileData' is not valid base64`);
  // Checked before decoding: 4 base64 characters carry 3 bytes.
  if ((s.length / 4) * 3 - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0) > MAX_FILE_BYTES) {
    throw new ApiError(413, `Field 'fileData': the file is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB allowed`);
  }
  return { bytes: Buffer.from(s, 'base64'), mime };
}

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerAttachments(router: Router, store: Store): void {
  const attachments = store.collection('attachment');
  const files = store.collection('attachmentfile');

  const show = (ctx: Ctx, row: Row) => {
    const doc = publicDoc(row.doc);
    doc.url = row.doc.isExternalLink
      ? row.doc._url
      : `${ctx.baseUrl}/files/${String(row.id)}/${String(row.doc._token)}`;
    return doc;
  };

  router.post('attachment/create', (ctx) => {
    const body = requireObject(ctx.body);
    const external = optBool(body, 'isExternalLink') ?? false;
    const doc: Doc = {
      name: optString(body, 'name', 255) ?? null,
      url: null,
      isPrivate: optBool(body, 'isPrivate') ?? false,
      isExternalLink: external,
    };
    for (const link of LINKS) doc[link] = linkRef(link, readLink(store, body as Body, link));

    let file: Doc | null = null;
    if (external) {
      const url = optString(body, 'url', 2000);
      if (!url) throw badRequest(`Field 'url' is required for an external link`);
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw badRequest(`Field 'url' is not a valid URL`);
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw badRequest(`Field 'url' must be an http or https link`);
      if (!doc.name || !String(doc.name).trim()) throw badRequest(`Field 'name' is required for an external link`);
      doc._url = url;
    } else {
      const fileName = optString(body, 'fileName', 255);
      if (!fileName || !fileName.trim()) throw badRequest(`Field 'fileName' is required for a file attachment`);
      if (/[\\/]/.test(fileName)) throw badRequest(`Field 'fileName' must be a bare file name`);
      const data = field(body, 'fileData');
      if (data === undefined || data === null) throw badRequest(`Field 'fileData' is required for a file attachment`);
      const { bytes, mime } = decodeFileData(data);
      doc.name = doc.name && String(doc.name).trim() ? doc.name : fileName;
      doc._token = randomBytes(18).toString('base64url');
      doc._fileName = fileName;
      file = { content: bytes.toString('base64'), mime: mime ?? mimeOf(fileName), size: bytes.length };
    }
    const row = attachments.insert(doc);
    if (file) {
      const f = files.insert(file);
      attachments.update(row.id, { ...row.doc, _fileId: f.id }, { touch: false });
    }
    return show(ctx, attachments.get(row.id)!);
  });

  router.delete('attachment/delete', (ctx) => {
    const rows = selectByParam(ctx.query, attachments, { id: 'id' }, 'Attachment');
    for (const r of rows) {
      if (r.doc._fileId) files.remove(r.doc._fileId as number);
      attachments.remove(r.id);
    }
    return rows.map((r) => ({ id: r.id, deleted: true }));
  });

  router.get('attachment/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(q, { id: 'id', name: 'name' }, 'id');
    const where: string[] = [];
    const params: unknown[] = [];
    const name = q.str('name');
    if (name) {
      where.push(`name LIKE ? ESCAPE '\\'`);
      params.push(likePattern(name));
    }
    linkFilters(q, where, params, [...LINKS], store);
    const { rows, total } = attachments.list({ where, params, orderBy: `${sort.column} ${sort.direction}`, ...paging });
    return listResponse(
      paging,
      total,
      rows.map((r) => show(ctx, r)),
    );
  });

  // GET <base>/files/<id>/<token>: the file itself, without credentials (the token is the credential).
  router.addPublic('files', (_ctx, rest) => {
    const [id, token = ''] = rest.split('/');
    const row = /^\d+$/.test(id ?? '') ? attachments.get(Number(id)) : null;
    if (!row || row.doc.isExternalLink || !sameToken(token, String(row.doc._token ?? '')))
      throw notFound('No such file');
    const file = files.get(row.doc._fileId as number);
    if (!file) throw notFound('No such file');
    const bytes = Buffer.from(String(file.doc.content), 'base64');
    return new Response(bytes, {
      status: 200,
      headers: {
        'Content-Type': String(file.doc.mime),
        'Content-Length': String(bytes.length),
        'Content-Disposition': contentDisposition(String(row.doc._fileName ?? row.doc.name)),
        'Cache-Control': 'private, max-age=0',
      },
    });
  });
}
